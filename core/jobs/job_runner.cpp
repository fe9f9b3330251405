#include "core/jobs/job_runner.h"

namespace sl::jobs {

JobRunner::JobRunner(QObject *parent, JobQueue *queue) : QObject(parent), m_queue(queue ? queue : JobQueue::application()) {}

JobRunner::~JobRunner() { stop(); }

void JobRunner::cancel()
{
    if (m_id && m_queue)
        m_queue->cancel(m_id);
}

void JobRunner::waitForFinished()
{
    if (m_id && m_queue)
        m_queue->waitForFinished(m_id);
}

void JobRunner::stop()
{
    if (!m_id)
        return;
    const qint64 id = m_id;
    m_id = 0;
    if (m_queue)
        m_queue->cancelAndWait(id);
}

}  // namespace sl::jobs
