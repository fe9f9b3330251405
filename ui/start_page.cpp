#include "ui/start_page.h"

#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace sl::ui {

StartPage::StartPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("startPage"));
    // A page of its own over the docks: it paints its whole area in the window colour.
    setAutoFillBackground(true);

    auto *title = new QLabel(tr("<h1>SentiLens</h1><p>Label, train and explain multimodal sentiment: open a "
                                "project, or make one from your data.</p>"),
                             this);
    title->setWordWrap(true);

    const auto addButton = [this](QLayout *layout, const QString &name, const QString &text, const QString &tip) {
        auto *button = new QPushButton(text, this);
        button->setObjectName(name);
        button->setToolTip(tip);
        button->setMinimumHeight(button->sizeHint().height() + 8);
        layout->addWidget(button);
        return button;
    };

    auto *start = new QGroupBox(tr("Start"), this);
    auto *startLayout = new QVBoxLayout(start);
    connect(addButton(startLayout, QStringLiteral("startOpen"), tr("Open project…"), tr("A folder with a project.sqlite")),
            &QPushButton::clicked, this, &StartPage::openRequested);
    connect(addButton(startLayout, QStringLiteral("startDemo"), tr("Open the demo project"),
                      tr("90 generated clips with known text, voice and face sentiment (made once, then reused)")),
            &QPushButton::clicked, this, &StartPage::demoRequested);
    connect(addButton(startLayout, QStringLiteral("startNew"), tr("New project…"), tr("An empty project in a folder of your choice")),
            &QPushButton::clicked, this, &StartPage::newProjectRequested);

    auto *import = new QGroupBox(tr("Import into a new project"), this);
    auto *importLayout = new QVBoxLayout(import);
    // kind, button name, text
    const std::tuple<const char *, const char *, QString> imports[] = {
        {"pickle", "startImportPickle", tr("MMSA feature pickle (.pkl)…")},
        {"csv", "startImportCsv", tr("label.csv…")},
        {"dataset", "startImportDataset", tr("Dataset folder (label.csv and Raw/)…")},
        {"videos", "startImportVideos", tr("Folder of videos…")},
    };
    const QString tips[] = {tr("aligned_50.pkl, unaligned_50.pkl, CH-SIMS unaligned_39.pkl, MMSA-FET feature files"),
                            tr("MMSA's label.csv; the clips are looked for in Raw/ beside it"),
                            tr("An MMSA dataset: label.csv and Raw/<video_id>/<clip_id>.mp4"),
                            tr("Video files, each with an optional .srt, .vtt or .txt transcript beside it")};
    int index = 0;
    for (const auto &[kind, name, text] : imports) {
        connect(addButton(importLayout, QString::fromLatin1(name), text, tips[index++]), &QPushButton::clicked, this,
                [this, kind = QString::fromLatin1(kind)] { emit importRequested(kind); });
    }

    auto *recent = new QGroupBox(tr("Recent projects"), this);
    auto *recentLayout = new QVBoxLayout(recent);
    m_recent = new QListWidget(this);
    m_recent->setObjectName(QStringLiteral("startRecent"));
    m_recent->setMinimumSize(200, 80);
    m_recent->setSpacing(6);
    m_recent->setIconSize(QSize(32, 32));
    recentLayout->addWidget(m_recent);
    connect(m_recent, &QListWidget::itemActivated, this, &StartPage::activateRecent);

    // Two columns that fit 1366x768 beside each other, the actions and the recent projects, in a
    // block of readable width in the middle of a large screen.
    auto *block = new QWidget(this);
    block->setMaximumWidth(1100);
    auto *grid = new QGridLayout(block);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(24);
    grid->addWidget(title, 0, 0, 1, 2);
    auto *actions = new QVBoxLayout;
    actions->addWidget(start);
    actions->addWidget(import);
    actions->addStretch();
    grid->addLayout(actions, 1, 0);
    grid->addWidget(recent, 1, 1);
    grid->setColumnStretch(0, 2);
    grid->setColumnStretch(1, 3);
    grid->setRowStretch(1, 1);
    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(32, 24, 32, 24);
    outer->addStretch(1);
    outer->addWidget(block, 100);
    outer->addStretch(1);
}

QPushButton *StartPage::button(const QString &objectName) const { return findChild<QPushButton *>(objectName); }

void StartPage::setRecentProjects(const QList<RecentProject> &recent)
{
    m_recent->clear();
    for (const RecentProject &project : recent) {
        const QString name = project.name.isEmpty() ? QFileInfo(project.path).fileName() : project.name;
        auto *item = new QListWidgetItem(style()->standardIcon(QStyle::SP_DirIcon),
                                         QStringLiteral("%1\n%2").arg(name, QDir::toNativeSeparators(project.path)), m_recent);
        item->setData(Qt::UserRole, project.path);
        item->setToolTip(QDir::toNativeSeparators(project.path));
    }
    if (recent.isEmpty()) {
        auto *item = new QListWidgetItem(tr("No project opened yet"), m_recent);
        item->setFlags(Qt::NoItemFlags);
    }
}

void StartPage::activateRecent(QListWidgetItem *item)
{
    const QString path = item ? item->data(Qt::UserRole).toString() : QString();
    if (!path.isEmpty())
        emit openRecentRequested(path);
}

}  // namespace sl::ui
