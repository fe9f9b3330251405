#include "ui/present/presentation_view.h"

#include "core/jobs/job_runner.h"
#include "ui/player/video_surface.h"
#include "ui/present/contribution_bars.h"
#include "ui/present/fitted_label.h"
#include "ui/present/live_take.h"
#include "ui/present/prediction_gauge.h"
#include "ui/present/presentation_summary.h"

#include <QAudioDevice>
#include <QAudioOutput>
#include <QBoxLayout>
#include <QCloseEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QMediaDevices>
#include <QProgressBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>
#include <cmath>

namespace sl::present {

namespace {

// Type sizes for a room: relative to the screen height, so 1080 p and 4K read alike.
int pixels(const QWidget *widget, double shareOfHeight) { return std::max(12, int(widget->height() * shareOfHeight)); }

// From the bars on screen, not the playlist's choice: the values shown must bear the headline out.
QString headlineOf(const PresentationClip &clip)
{
    QString text;
    switch (barAgreement(clip.contributions)) {
    case BarAgreement::None: text = PresentationView::tr("What does the model make of it?"); break;
    case BarAgreement::Slight: text = PresentationView::tr("Words, voice and face hardly move the model"); break;
    case BarAgreement::Agree: text = PresentationView::tr("Words, voice and face agree"); break;
    case BarAgreement::WordsDisagree: text = PresentationView::tr("Words say one thing, voice or face another"); break;
    case BarAgreement::OthersDisagree: text = PresentationView::tr("Voice and face pull apart"); break;
    }
    return clip.kind ? text : PresentationView::tr("Live take: %1").arg(text);
}

QString barsCaption(const Contributions &contributions)
{
    return contributions.shapley ? PresentationView::tr("Shapley values: each modality's share of the prediction")
                                 : PresentationView::tr("Each modality alone: the model's unimodal predictions");
}

}  // namespace

PresentationView::PresentationView(QWidget *parent)
    : QWidget(parent), m_player(new QMediaPlayer(this)), m_surface(new ui::VideoSurface(this)),
      m_headline(new FittedLabel(this)), m_counter(new QLabel(this)), m_captions(new FittedLabel(this)), m_takeStatus(new FittedLabel(this)),
      m_level(new QProgressBar(this)), m_message(new QLabel(this)), m_hints(new FittedLabel(this)),
      m_gauge(new PredictionGauge(this)), m_bars(new ContributionBars(this)), m_sum(new FittedLabel(this)),
      m_model(new FittedLabel(this)), m_hold(new QTimer(this)),
      m_messageTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("presentationView"));
    setFocusPolicy(Qt::StrongFocus);
    // Dark whatever the theme: a projector shows dark backgrounds with the most contrast.
    QPalette dark = palette();
    dark.setColor(QPalette::Window, QColor(16, 18, 22));
    dark.setColor(QPalette::WindowText, QColor(240, 240, 240));
    dark.setColor(QPalette::Text, QColor(240, 240, 240));
    dark.setColor(QPalette::Base, QColor(16, 18, 22));
    dark.setColor(QPalette::AlternateBase, QColor(44, 48, 56));
    dark.setColor(QPalette::PlaceholderText, QColor(160, 165, 175));
    dark.setColor(QPalette::Highlight, QColor(214, 69, 65));
    setPalette(dark);
    setAutoFillBackground(true);
    m_player->setVideoSink(m_surface->sink());
    if (!QMediaDevices::audioOutputs().isEmpty())
        m_player->setAudioOutput(new QAudioOutput(m_player));
    connect(m_player, &QMediaPlayer::positionChanged, this, &PresentationView::onPosition);
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, &PresentationView::onStatus);
    m_hold->setSingleShot(true);
    m_holdMs = int(QSettings().value(QStringLiteral("presentation/holdSeconds"), kHoldSeconds).toDouble() * 1000);
    connect(m_hold, &QTimer::timeout, this, &PresentationView::next);
    m_shapley = new jobs::JobRunner(this);
    m_messageTimer->setSingleShot(true);
    connect(m_messageTimer, &QTimer::timeout, m_message, &QLabel::hide);
    buildLayout();
}

PresentationView::~PresentationView()
{
    m_player->stop();
    m_shapley->stop();
    delete m_take;  // before its work folder goes
}

void PresentationView::buildLayout()
{
    m_headline->setObjectName(QStringLiteral("presentationHeadline"));
    m_counter->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_captions->setObjectName(QStringLiteral("presentationCaptions"));
    m_captions->setAlignment(Qt::AlignCenter);
    m_captions->setWordWrap(true);
    m_captions->setAutoFillBackground(true);
    QPalette captionPalette = m_captions->palette();
    captionPalette.setColor(QPalette::Window, QColor(0, 0, 0));
    captionPalette.setColor(QPalette::WindowText, QColor(255, 255, 255));
    m_captions->setPalette(captionPalette);
    m_takeStatus->setAlignment(Qt::AlignCenter);
    m_takeStatus->hide();
    m_level->setRange(0, 100);
    m_level->setTextVisible(false);
    m_level->hide();
    m_message->setObjectName(QStringLiteral("presentationMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->hide();
    m_hints->setText(tr("Space pause · → next · ← back · E model's view · R live take · Esc leave"));
    m_hints->setObjectName(QStringLiteral("presentationHints"));
    m_takeStatus->setObjectName(QStringLiteral("presentationTakeStatus"));
    m_hints->setAlignment(Qt::AlignCenter);
    QPalette hintPalette = m_hints->palette();
    hintPalette.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_hints->setPalette(hintPalette);

    auto *top = new QHBoxLayout;
    top->addWidget(m_headline, 1);
    top->addWidget(m_counter);

    auto *videoColumn = new QVBoxLayout;
    videoColumn->setSpacing(0);
    videoColumn->addWidget(m_surface, 1);
    videoColumn->addWidget(m_captions);

    auto *verdict = new QLabel(tr("The model says"), this);
    auto *why = new QLabel(tr("What each modality adds"), this);
    for (QLabel *heading : {verdict, why})
        heading->setObjectName(QStringLiteral("presentationHeading"));
    auto *side = new QVBoxLayout;
    m_model->setObjectName(QStringLiteral("presentationModel"));
    m_sum->setObjectName(QStringLiteral("presentationSum"));
    m_sum->setWordWrap(true);
    side->addWidget(verdict);
    side->addWidget(m_model);
    side->addWidget(m_gauge, 5);
    side->addSpacing(16);
    side->addWidget(why);
    side->addWidget(m_bars, 4);
    side->addWidget(m_sum);
    side->addWidget(m_takeStatus);
    side->addWidget(m_level);

    auto *middle = new QHBoxLayout;
    middle->addLayout(videoColumn, 62);
    middle->addSpacing(32);
    middle->addLayout(side, 38);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(40, 24, 40, 16);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addLayout(middle, 1);
    layout->addWidget(m_hints);
}

void PresentationView::setScale(double minimum, double maximum)
{
    m_min = minimum;
    m_max = maximum;
    m_gauge->setRange(minimum, maximum);
    fitBarScale();
}

void PresentationView::fitBarScale()
{
    // The bars span the largest contribution of the playlist (not the label scale), so that the
    // direction of small contributions stays visible; the numbers beside them stay exact. A tenth
    // of the scale's half-range is the least, so that noise never fills a bar.
    double largest = (m_max - m_min) / 20.0;
    for (const PresentationClip &clip : m_clips)
        if (clip.contributions)
            for (double value : clip.contributions->values)
                largest = std::max(largest, std::fabs(value));
    if (m_takeClip && m_takeClip->contributions)
        for (double value : m_takeClip->contributions->values)
            largest = std::max(largest, std::fabs(value));
    m_bars->setFullScale(largest);
}

void PresentationView::setClips(QList<PresentationClip> clips)
{
    m_clips = std::move(clips);
    m_cursor.reset(int(m_clips.size()));
    m_takeClip.reset();
    fitBarScale();
    showCurrent();
    QList<qint64> ids;
    for (const PresentationClip &clip : m_clips)
        if (clip.prediction)  // no model, no values
            ids << clip.clipId;
    if (m_projectPath.isEmpty() || ids.isEmpty() || m_shapley->isRunning())
        return;
    const QString project = m_projectPath;
    m_shapley->start<ShapleyContributions>(
        {jobs::JobKind::Explanation, tr("Shapley values of %n presented clip(s)", nullptr, int(ids.size())), QString(), false, false},
        [project, ids](jobs::JobContext &context) {
            ShapleyContributions result = explain::shapleyContributions(project, ids);
            if (!result.error.isEmpty())
                context.fail(result.error);
            return result;
        },
        [this](const jobs::JobInfo &info, std::optional<ShapleyContributions> computed) {
            ShapleyContributions result = computed ? std::move(*computed) : ShapleyContributions();
            if (!computed)  // it threw, or was cancelled in the Jobs dock before it started
                result.error = info.error.isEmpty() ? tr("cancelled") : info.error;
            if (!result.error.isEmpty())
                showMessage(tr("Shapley values unavailable, showing unimodal predictions: %1").arg(result.error));
            if (!result.modelName.isEmpty())
                m_model->setText(tr("Model: %1").arg(result.modelName));
            applyExplanations(result);
        });
}

void PresentationView::applyExplanations(const ShapleyContributions &explanations)
{
    for (PresentationClip &clip : m_clips) {
        if (explanations.byClip.contains(clip.clipId)) {
            clip.contributions = explanations.byClip.value(clip.clipId);
            // The needle shows where the bars end, f(none) plus the three values: the same model's
            // output (the stored prediction may be clipped to the label scale).
            double end = 0;
            if (!barSumLine(*clip.contributions, &end).isEmpty())
                clip.prediction = end;
        }
        if (explanations.insights.contains(clip.clipId))
            clip.insight = explanations.insights.value(clip.clipId);
    }
    fitBarScale();
    if (!m_shown || m_takeClip || !explanations.byClip.contains(m_shown->clipId))
        return;
    updateHeadline();
    if (m_shown->prediction)
        m_gauge->setValue(*m_shown->prediction * easeOut(m_animation.progress() / ContributionAnimation::kFullAt));
    const double progress = m_animation.progress();
    m_animation.setTarget(*m_shown->contributions);
    m_animation.setProgress(progress);
    showBars();
}

void PresentationView::toggleModelView()
{
    m_modelView = !m_modelView;
    if (m_modelView && m_shown && !m_shown->insight)
        showMessage(isLoadingShapley() ? tr("The model's explanations are still being computed")
                                       : tr("This model has neither a KAN nor a causal mask: E shows them for KAN-MCP and CaMIB models"));
    showBars();
}

void PresentationView::showBars()
{
    if (m_modelView && m_shown && m_shown->insight) {
        const ModelInsight &insight = *m_shown->insight;
        m_bars->setAvailable(true);
        m_sum->clear();  // the model's view has no sum
        m_bars->setFullScale(1.0);
        m_bars->setCaption(insight.kind == ModelInsight::Kind::Kan
                               ? tr("KAN: how strongly each modality drives the prediction (E: back)")
                               : tr("Causal mask: each modality's share of what the mask keeps (E: back)"));
        m_bars->setValues(insight.values);
        return;
    }
    fitBarScale();
    const Contributions contributions = m_shown && m_shown->contributions ? *m_shown->contributions : Contributions{};
    m_bars->setAvailable(m_shown && m_shown->contributions);
    m_bars->setCaption(barsCaption(contributions));
    m_bars->setValues(m_animation.current());
    const QString sum = barSumLine(contributions);
    m_sum->setText(sum.isEmpty() ? QString() : tr("Starts at f(none), the model with no evidence: %1").arg(sum));
}

void PresentationView::updateHeadline()
{
    if (m_shown)
        m_headline->setText(headlineOf(*m_shown));
}

QString PresentationView::headline() const { return m_headline->fullText(); }

QString PresentationView::barSum() const { return m_sum->fullText(); }

QString PresentationView::modelName() const { return m_model->fullText(); }

bool PresentationView::isLoadingShapley() const { return m_shapley->isRunning(); }

void PresentationView::setProject(const QString &projectPath)
{
    m_projectPath = projectPath;
    delete m_take;
    m_workFolder = std::make_unique<QTemporaryDir>();
    m_take = new LiveTake(projectPath, m_workFolder->path(), this);
    connect(m_take, &LiveTake::stateChanged, this, &PresentationView::onTakeState);
    connect(m_take, &LiveTake::failed, this, &PresentationView::showMessage);
    connect(m_take, &LiveTake::levelChanged, this, [this](double level, double) { m_level->setValue(qRound(level * 100)); });
}

const PresentationClip *PresentationView::currentClip() const { return m_shown; }

QString PresentationView::caption() const { return m_captions->fullText(); }

QString PresentationView::message() const { return m_message->isVisible() || m_messageTimer->isActive() ? m_message->text() : QString(); }

void PresentationView::showCurrent()
{
    if (m_clips.isEmpty()) {
        m_shown = nullptr;
        m_player->setSource({});
        m_headline->setText(tr("No clips to present"));
        m_counter->clear();
        m_captions->setText(tr("Train a model and extract features, or open the demo project."));
        m_gauge->setValue(std::nullopt);
        m_bars->setAvailable(false);
        return;
    }
    showClip(m_clips[m_cursor.position()]);
    m_counter->setText(tr("%1 / %2").arg(m_cursor.position() + 1).arg(m_clips.size()));
    emit clipShown(m_cursor.position());
}

void PresentationView::showClip(const PresentationClip &clip)
{
    m_hold->stop();
    m_shown = &clip;
    updateHeadline();
    m_animation.setTarget(clip.contributions.value_or(Contributions{}));
    showBars();
    m_gauge->setLabel(clip.label);
    m_gauge->setOutside(clip.outside);
    m_gauge->setValue(clip.prediction ? std::optional<double>(0.0) : std::nullopt);
    m_captions->clear();
    m_player->setSource(QUrl::fromLocalFile(clip.mediaFile));
    if (!m_cursor.isPaused())
        m_player->play();
}

void PresentationView::onPosition(qint64 ms)
{
    if (!m_shown)
        return;
    const qint64 duration = m_player->duration();
    m_animation.setProgress(duration > 0 ? double(ms) / double(duration) : 0.0);
    if (!m_modelView)
        m_bars->setValues(m_animation.current());
    if (m_shown->prediction)
        m_gauge->setValue(*m_shown->prediction * easeOut(m_animation.progress() / ContributionAnimation::kFullAt));
    m_captions->setText(captionAt(m_shown->captions, double(ms) / 1000.0));
}

void PresentationView::onStatus(QMediaPlayer::MediaStatus status)
{
    if (status == QMediaPlayer::InvalidMedia && m_shown)
        showMessage(tr("%1: cannot be played; going on with the next clip").arg(m_shown->mediaFile));
    if (status != QMediaPlayer::EndOfMedia && status != QMediaPlayer::InvalidMedia)
        return;
    // The end shows the complete picture: bars and needle at full length.
    m_animation.setProgress(1.0);
    if (!m_modelView)
        m_bars->setValues(m_animation.current());
    if (m_shown && m_shown->prediction)
        m_gauge->setValue(m_shown->prediction);
    if (m_takeClip) {
        // A take stays on screen, looping, until the presenter keeps or discards it.
        m_player->setPosition(0);
        m_player->play();
        return;
    }
    if (!m_cursor.isPaused())
        m_hold->start(m_holdMs);
}

void PresentationView::next()
{
    if (m_take && m_take->lifecycle().isBusy())
        return;
    m_takeClip.reset();
    m_cursor.advance(1);
    showCurrent();
}

void PresentationView::previous()
{
    if (m_take && m_take->lifecycle().isBusy())
        return;
    m_takeClip.reset();
    m_cursor.advance(-1);
    showCurrent();
}

void PresentationView::togglePause()
{
    m_cursor.setPaused(!m_cursor.isPaused());
    if (m_cursor.isPaused()) {
        m_hold->stop();
        m_player->pause();
        showMessage(tr("Paused — Space plays on"));
    } else {
        m_message->hide();
        if (m_player->mediaStatus() == QMediaPlayer::EndOfMedia)
            next();
        else
            m_player->play();
    }
}

void PresentationView::startTake()
{
    if (!m_take) {
        showMessage(tr("Live takes need an open project"));
        return;
    }
    if (m_take->lifecycle().isBusy())
        return;
    // The picture goes to the take's preview while it records; the clip stops.
    const QString problem = m_take->deviceProblem();
    if (!problem.isEmpty()) {
        showMessage(problem);
        return;
    }
    m_hold->stop();
    releaseVideo();
    m_take->setPreviewSink(m_surface->sink());
    m_take->start();
}

void PresentationView::releaseVideo()
{
    m_player->stop();
    m_player->setSource({});
    m_player->setVideoSink(nullptr);
    m_surface->clear();
}

void PresentationView::onTakeState(TakeState state)
{
    const TakeLifecycle &life = m_take->lifecycle();
    m_takeStatus->setVisible(state != TakeState::Idle);
    m_level->setVisible(state == TakeState::Recording);
    switch (state) {
    case TakeState::Countdown:
        m_headline->setText(tr("Live take in %1…").arg(life.countdownLeft()));
        m_takeStatus->setText(tr("Get ready: speak for %1 seconds").arg(life.recordSeconds()));
        m_captions->clear();
        break;
    case TakeState::Recording:
        m_headline->setText(tr("● Recording"));
        m_takeStatus->setText(tr("Speak now (%1 s)").arg(life.recordSeconds()));
        break;
    case TakeState::Analysing:
        m_headline->setText(tr("Analysing the take…"));
        m_takeStatus->setText(tr("Speech recognition, features, prediction"));
        break;
    case TakeState::Presenting: {
        const TakeAnalysis &analysis = m_take->analysis();
        PresentationClip clip;
        clip.title = tr("Live take");
        clip.mediaFile = analysis.takeFile;
        clip.captions = analysis.cues.isEmpty() ? evenCaptionLines(analysis.transcript, analysis.durationSeconds, kCaptionWords)
                                                : captionLines(analysis.cues, kCaptionWords);
        clip.prediction = analysis.multimodal;
        clip.outside = analysis.outside;
        if (analysis.shapley)
            clip.contributions = Contributions{*analysis.shapley, true};
        else if (analysis.unimodal[0] && analysis.unimodal[1] && analysis.unimodal[2])
            clip.contributions = Contributions{{*analysis.unimodal[0], *analysis.unimodal[1], *analysis.unimodal[2]}, false};
        m_takeClip = clip;
        fitBarScale();
        m_player->setVideoSink(m_surface->sink());
        showClip(*m_takeClip);
        m_takeStatus->setText(tr("K keeps the take in the project · X discards it"));
        break;
    }
    case TakeState::Kept:
    case TakeState::Discarded:
    case TakeState::Failed:
    case TakeState::Idle:
        // Back to the playlist where it was (a failure's message is already on screen).
        m_takeStatus->hide();
        m_takeClip.reset();
        m_player->setVideoSink(m_surface->sink());
        showCurrent();
        break;
    }
}

void PresentationView::keepTake()
{
    if (!m_take || m_take->lifecycle().state() != TakeState::Presenting)
        return;
    if (const qint64 id = m_take->keep(); id != 0) {
        showMessage(tr("The take is saved in the project for labelling"));
        emit takeKept(id);
    }
}

void PresentationView::discardTake()
{
    if (m_take)
        m_take->discard();
}

void PresentationView::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->show();
    m_messageTimer->start(8000);
}

void PresentationView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const auto size = [this](QWidget *widget, double share, bool bold) {
        QFont font = widget->font();
        font.setPixelSize(pixels(this, share));
        font.setBold(bold);
        widget->setFont(font);
    };
    // Texts that can run long (captions, headlines, sums; Chinese lines break anywhere) take the
    // size from the screen as their largest and shrink, down to a little under half, to fit
    // their place; only beyond that are they elided.
    const auto fitted = [this](FittedLabel *label, double share, bool bold) {
        QFont font = label->font();
        font.setBold(bold);
        label->setFont(font);
        label->setPixelSizes(pixels(this, share), pixels(this, share * 0.45));
    };
    fitted(m_headline, 0.05, true);
    size(m_counter, 0.028, false);
    fitted(m_captions, 0.046, true);
    fitted(m_takeStatus, 0.032, true);
    size(m_message, 0.032, true);
    fitted(m_hints, 0.02, false);
    fitted(m_sum, 0.022, false);
    fitted(m_model, 0.022, false);
    for (QLabel *heading : findChildren<QLabel *>(QStringLiteral("presentationHeading")))
        size(heading, 0.03, false);
    m_captions->setMinimumHeight(pixels(this, 0.046) * 3);
    m_sum->setMinimumHeight(pixels(this, 0.022) * 3);
    m_level->setFixedHeight(pixels(this, 0.025));
}

void PresentationView::closeEvent(QCloseEvent *event)
{
    // Closing the full-screen window (Alt+F4) leaves the mode like Esc does.
    event->ignore();
    emit exitRequested();
}

void PresentationView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Escape:
        if (m_take && m_take->lifecycle().isBusy())
            m_take->cancel();
        else
            emit exitRequested();
        return;
    case Qt::Key_Space: togglePause(); return;
    case Qt::Key_Right:
    case Qt::Key_PageDown: next(); return;
    case Qt::Key_Left:
    case Qt::Key_PageUp: previous(); return;
    case Qt::Key_R: startTake(); return;
    case Qt::Key_E: toggleModelView(); return;
    case Qt::Key_K: keepTake(); return;
    case Qt::Key_X:
    case Qt::Key_Delete: discardTake(); return;
    default: QWidget::keyPressEvent(event);
    }
}

}  // namespace sl::present
