#include "core/features/visual_pipeline.h"
#include "core/features/bounded_queue.h"

#include <opencv2/imgproc.hpp>

#include <array>
#include <exception>
#include <thread>

namespace sl::features {

namespace {

// Frames decoded ahead of the face following, and faces waiting for their parts: enough to ride
// out the uneven cost of frames (a full face search costs ten followed frames), small enough to
// keep memory at a few megabytes (a 640 x 360 grey frame is 230 kB, a face 9 kB).
constexpr std::size_t kFramesAhead = 8;
constexpr std::size_t kFacesAhead = 32;

struct GreyFrame {
    cv::Mat image;   // as decoded: FaceMesh wants the colours
    cv::Mat grey;
    double timeSeconds = 0.0;
};

struct FaceToDescribe {
    std::size_t row = 0;
    LocatedFace face;
};

struct DescribedFace {
    std::size_t row = 0;
    std::array<float, VisualExtractor::kFacePartDims> parts{};
    bool networksRan = false;
};

// Stops every stage and waits for its thread, also when the calling thread leaves by an exception:
// closing the queues wakes a decoder waiting for room and lets the part workers finish.
class Stages {
public:
    Stages(BoundedQueue<GreyFrame> &frames, BoundedQueue<FaceToDescribe> &faces) : m_frames(frames), m_faces(faces) {}
    ~Stages() { stop(); }
    Stages(const Stages &) = delete;
    Stages &operator=(const Stages &) = delete;

    template <typename F>
    void start(F &&work)
    {
        m_threads.emplace_back(std::forward<F>(work));
    }
    void stop()
    {
        m_frames.close();
        m_faces.close();
        for (std::thread &thread : m_threads)
            if (thread.joinable())
                thread.join();
    }

private:
    BoundedQueue<GreyFrame> &m_frames;
    BoundedQueue<FaceToDescribe> &m_faces;
    std::vector<std::thread> m_threads;
};

}  // namespace

FeatureMatrix extractVisualPipelined(media::VideoFrameReader &reader, VisualExtractor &extractor, int partWorkers)
{
    const std::size_t workers = static_cast<std::size_t>(std::max(1, partWorkers));
    std::vector<FacePartsAnalyser *> analysers;  // made here: partsAnalyser() is not thread-safe
    std::vector<FaceNetworks *> networks;        // nor is networks()
    for (std::size_t w = 0; w < workers; ++w) {
        analysers.push_back(&extractor.partsAnalyser(w));
        networks.push_back(extractor.networks(w));
    }

    BoundedQueue<GreyFrame> frames(kFramesAhead);
    BoundedQueue<FaceToDescribe> faces(kFacesAhead);
    std::exception_ptr decodeError;
    std::vector<std::exception_ptr> workerErrors(workers);
    std::vector<std::vector<DescribedFace>> described(workers);
    FeatureMatrix out;
    out.names = VisualExtractor::names();
    {
        Stages stages(frames, faces);
        stages.start([&] {
            try {
                media::VideoFrame frame;
                while (reader.next(frame)) {
                    // Taken, not copied: the reader then decodes the next frame into a new buffer.
                    GreyFrame grey{std::move(frame.image), {}, frame.timeSeconds};
                    if (grey.image.channels() == 1)
                        grey.grey = grey.image;
                    else
                        cv::cvtColor(grey.image, grey.grey, cv::COLOR_BGR2GRAY);
                    if (!frames.push(std::move(grey)))
                        return;  // the pipeline stopped early
                }
            } catch (...) {
                decodeError = std::current_exception();
            }
            frames.close();
        });
        for (std::size_t w = 0; w < workers; ++w) {
            stages.start([&, w] {
                try {
                    while (std::optional<FaceToDescribe> job = faces.pop()) {
                        DescribedFace result{job->row, {}, false};
                        result.networksRan =
                            VisualExtractor::describeFaceParts(*analysers[w], networks[w], job->face, result.parts.data());
                        described[w].push_back(result);
                    }
                } catch (...) {
                    workerErrors[w] = std::current_exception();
                    faces.close();  // makes the next push fail, which stops the face following
                }
            });
        }
        while (std::optional<GreyFrame> frame = frames.pop()) {
            LocatedFace face = extractor.locateFace(frame->image, frame->grey, frame->timeSeconds, out);
            if (!face.face.empty() && !faces.push({out.frames() - 1, std::move(face)}))
                break;
        }
        faces.close();
        stages.stop();
    }
    if (decodeError)
        std::rethrow_exception(decodeError);
    for (const std::exception_ptr &error : workerErrors)
        if (error)
            std::rethrow_exception(error);

    std::vector<char> networksRan(out.frames(), 0);
    for (const std::vector<DescribedFace> &results : described)
        for (const DescribedFace &result : results) {
            std::copy(result.parts.begin(), result.parts.end(),
                      out.values.begin() + static_cast<std::ptrdiff_t>(result.row * out.dims() + VisualExtractor::kFirstFacePartColumn));
            networksRan[result.row] = result.networksRan;
        }
    // The networks' values held over the frames between their runs, in frame order as
    // process() holds them.
    extractor.reset();
    for (std::size_t row = 0; row < out.frames(); ++row)
        extractor.holdNetworkValues(out.values.data() + row * out.dims(), networksRan[row] != 0);
    return out;
}

}  // namespace sl::features
