#pragma once
// Eyes, smile and mouth of one face, measured on the face cut out of the frame and scaled to a
// fixed square so that every measure is independent of the face's size in the frame.
#include "core/features/cascade.h"

namespace sl::features {

// Grouped smile-cascade hits at which a smile counts as present. The cascade fires weakly on
// many mouths; a broad smile on the 96-pixel face gathers some 50 - 60 hits.
inline constexpr int kDefaultSmileHits = 20;

inline constexpr int kFaceSize = 96;  // side of the normalised face, in pixels: eyes come out ~20 px, the cascade's size

struct FaceParts {
    int eyes = 0;                 // eyes found in the upper face, 0 .. 2 (closed eyes are rarely found)
    double rollRadians = 0.0;     // tilt of the line through two eyes, positive when the right one is lower; 0 unless two
    bool smiling = false;         // the strongest smile detection has at least smileMinNeighbours hits
    double smileStrength = 0.0;   // hits / (hits + smileMinNeighbours): 0 without a smile, 0.5 at the threshold
    double mouthMean = 0.0;       // mean intensity of the mouth region, 0 .. 1
    double mouthStd = 0.0;        // its standard deviation, 0 .. 1
    double mouthGradient = 0.0;   // mean squared horizontal intensity step (teeth and lip edges), 0 .. 1
};

class FacePartsAnalyser {
public:
    // Throws sl::Error naming a cascade file that is missing.
    explicit FacePartsAnalyser(const QString &cascadeDir = kDefaultCascadeDir, int smileMinNeighbours = kDefaultSmileHits);

    // face: 8-bit gray, kFaceSize x kFaceSize.
    FaceParts analyse(const cv::Mat &face);

private:
    void findEyes(const cv::Mat &face, FaceParts &parts);
    void findSmile(const cv::Mat &face, FaceParts &parts);

    HaarCascade m_eyes;
    HaarCascade m_smile;
    int m_smileMinNeighbours;
    cv::Mat m_equalised;
};

}  // namespace sl::features
