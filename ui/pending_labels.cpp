#include "ui/pending_labels.h"

#include "core/session/labeling_session.h"
#include "ui/clip_browser.h"
#include "ui/clip_table_model.h"
#include "ui/label_editor.h"
#include "ui/main_window.h"

#include <QCloseEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

namespace sl::ui {

namespace {
// How long closing waits for the lock before it asks: an import's last commit takes moments.
constexpr int kCloseWaitMs = 3000;
}  // namespace

PendingLabelsView::PendingLabelsView(MainWindow &window, session::LabelingSession &session)
    : QObject(&session), m_window(window), m_session(session)
{
    m_note = new QLabel(&window);
    m_note->setObjectName(QStringLiteral("pendingLabelsNote"));
    m_note->hide();
    window.statusBar()->addPermanentWidget(m_note);
    connect(&session, &session::LabelingSession::pendingChanged, this, &PendingLabelsView::refresh);
    connect(&session, &session::LabelingSession::labelChanged, this, &PendingLabelsView::refresh);
    // After the window has shown the new clip (connected before this), its cards get their marks.
    connect(window.clipBrowser(), &ClipBrowser::currentClipChanged, this, &PendingLabelsView::refresh);
    window.installEventFilter(this);
    refresh();
}

PendingLabelsView::~PendingLabelsView()
{
    m_window.removeEventFilter(this);
    delete m_note;
    if (m_window.clipModel())
        m_window.clipModel()->setPendingLabels({});
}

void PendingLabelsView::refresh()
{
    const int count = m_session.pendingCount();
    QSet<QPair<qint64, int>> pending;
    const qint64 me = m_session.annotator().id;
    for (const session::PendingLabel &label : m_session.pendingLabels())
        if (label.annotatorId == me)
            pending.insert({label.clipId, store::targetIndex(label.target)});
    m_window.clipModel()->setPendingLabels(pending);
    const QString reason = m_session.pendingReason();
    const qint64 clip = m_window.currentClipId();
    for (Target target : kAllTargets)
        m_window.labelEditor()->setPending(target, pending.contains({clip, store::targetIndex(target)}), reason);
    if (count == 0) {
        if (m_shownCount > 0)
            m_window.statusBar()->showMessage(tr("All waiting labels are saved"), 5000);
        m_note->hide();
    } else {
        m_note->setText(tr("%n label(s) not saved yet", "", count));
        m_note->setToolTip(tr("Another program is writing to the project; the labels are saved as soon as it "
                              "lets go.\n%1").arg(reason));
        m_note->show();
        // A note, not a dialog: a dialog took the keys typed after it (issue 18, defect 11).
        if (m_shownCount == 0)
            m_window.statusBar()->showMessage(tr("The project is locked by another program: your labels are kept "
                                                 "and saved as soon as it lets go"), 10000);
    }
    m_shownCount = count;
}

bool PendingLabelsView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == &m_window && event->type() == QEvent::Close && m_session.pendingCount() > 0
        && !settlePendingLabels(&m_window, m_session, true)) {
        event->ignore();
        return true;  // the window stays open, its labels still queued
    }
    return QObject::eventFilter(watched, event);
}

bool settlePendingLabels(QWidget *parent, session::LabelingSession &session, bool allowCancel)
{
    while (session.flushPending(kCloseWaitMs) > 0) {
        QMessageBox box(QMessageBox::Warning, QObject::tr("SentiLens"),
                        QObject::tr("%n label(s) you gave are not saved yet: another program is writing to the "
                                    "project.", "", session.pendingCount()),
                        QMessageBox::NoButton, parent);
        box.setObjectName(QStringLiteral("pendingLabelsQuestion"));
        box.setInformativeText(session.pendingReason());
        QPushButton *wait = box.addButton(QObject::tr("Wait and try again"), QMessageBox::AcceptRole);
        QPushButton *drop = box.addButton(QObject::tr("Close without them"), QMessageBox::DestructiveRole);
        QPushButton *cancel = allowCancel ? box.addButton(QMessageBox::Cancel) : nullptr;
        box.setDefaultButton(wait);
        box.exec();
        if (box.clickedButton() == drop)
            return true;
        if (cancel && (box.clickedButton() == cancel || box.clickedButton() == nullptr))
            return false;
    }
    return true;
}

}  // namespace sl::ui
