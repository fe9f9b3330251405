// MainWindow's presentation mode: its own file, so that the window's layout code and the booth
// mode stay apart. The presentation is a separate full-screen window over the main one, with its
// own keys (the main window's shortcuts belong to the main window). The main window stays as it
// is underneath (hiding and showing it again moved its dock splitters) and its geometry and dock
// layout are put back on leaving (saveState/restoreState) in case anything moved them meanwhile.
#include "ui/main_window.h"

#include "core/common/error.h"
#include "core/session/labeling_session.h"
#include "ui/player/player_widget.h"
#include "ui/present/playlist_choice.h"
#include "ui/present/presentation_clip.h"
#include "ui/present/presentation_view.h"

#include <QAction>
#include <QGuiApplication>
#include <QScreen>

#include <algorithm>

namespace sl::ui {

namespace {
constexpr int kStateVersion = 1;  // as in main_window.cpp; only compared within one session here
// Clips of each kind in the default playlist: a dozen clips, about two minutes round.
constexpr int kClipsPerKind = 6;
}  // namespace

bool MainWindow::enterPresentation(const QSize &size)
{
    if (m_presentation)
        return true;
    if (!m_session) {
        showError(tr("Open a project first: the presentation shows its clips."));
        return false;
    }
    QList<present::PresentationClip> clips;
    try {
        const QList<store::ClipOverview> overview = m_session->loadOverview();
        const LabelScale scale = m_session->scale();
        const auto playlist = present::choosePlaylist(overview, kClipsPerKind,
                                                      present::neutralBandFor(scale.minimum(), scale.maximum()));
        clips = present::loadPresentationClips(*m_session, overview, playlist);
    } catch (const Error &error) {
        showError(error.message());
        return false;
    }
    m_presentState = saveState(kStateVersion);
    m_presentGeometry = saveGeometry();
    m_presentMaximized = isMaximized();
    m_player->pause();
    // The window's shortcuts (Space, arrows, digits, Ctrl+Z...) would otherwise also fire while
    // the presentation has the keyboard: it lives in a window of its own, but one that belongs to
    // this one. Off until the presentation ends, so no label changes behind the presenter's back.
    for (QAction *action : actions()) {
        if (action->isEnabled()) {
            action->setEnabled(false);
            m_pausedActions << action;
        }
    }

    m_presentation = new present::PresentationView(this);
    m_presentation->setWindowFlag(Qt::Window);
    m_presentation->setWindowTitle(tr("%1 — SentiLens presentation").arg(m_session->project().name()));
    m_presentation->setAttribute(Qt::WA_DeleteOnClose, false);
    m_presentation->setScale(m_session->scale().minimum(), m_session->scale().maximum());
    m_presentation->setProject(m_session->project().folder());
    connect(m_presentation, &present::PresentationView::exitRequested, this, &MainWindow::leavePresentation, Qt::QueuedConnection);
    connect(m_presentation, &present::PresentationView::takeKept, this, [this] { reloadClips(); });
    if (size.isValid()) {
        m_presentation->resize(size);
        m_presentation->show();
    } else {
        m_presentation->showFullScreen();
    }
    m_presentation->activateWindow();
    m_presentation->setFocus();
    m_presentation->setClips(clips);
    return true;
}

void MainWindow::leavePresentation()
{
    if (!m_presentation)
        return;
    // Deleted rather than kept hidden: a booth may enter and leave many times a day, and a fresh
    // view holds no media pipeline while the window is used for labelling.
    delete m_presentation;
    m_presentation = nullptr;
    for (QAction *action : std::as_const(m_pausedActions))
        action->setEnabled(true);
    m_pausedActions.clear();
    // Only what moved is put back: restoreState() itself nudges floating docks by their frame.
    if (saveGeometry() != m_presentGeometry)
        restoreGeometry(m_presentGeometry);
    if (saveState(kStateVersion) != m_presentState)
        restoreState(m_presentState, kStateVersion);
    fitScreenAfterPresentation();
    activateWindow();
}

void MainWindow::fitScreenAfterPresentation()
{
    // Esc comes back to a window that fits the screen (issue 17): maximised if it was, otherwise
    // within the screen's free area, shrunk and moved if the restored geometry reached past it.
    if (m_presentMaximized) {
        if (!isMaximized())
            showMaximized();
        return;
    }
    const QScreen *shown = screen() ? screen() : QGuiApplication::primaryScreen();
    if (!shown)
        return;
    const QRect available = shown->availableGeometry();
    const QRect frame = frameGeometry();
    if (available.contains(frame))
        return;
    const QSize border = frame.size() - geometry().size();  // the window manager's frame
    const QSize room = available.size() - border;
    if (minimumSizeHint().width() > room.width() || minimumSizeHint().height() > room.height()
        || minimumWidth() > room.width() || minimumHeight() > room.height()) {
        showMaximized();  // it cannot be made small enough: the screen is all it gets
        return;
    }
    resize(size().boundedTo(room));
    const QSize outer = size() + border;
    move(std::clamp(frame.x(), available.left(), available.right() + 1 - outer.width()),
         std::clamp(frame.y(), available.top(), available.bottom() + 1 - outer.height()));
}

}  // namespace sl::ui
