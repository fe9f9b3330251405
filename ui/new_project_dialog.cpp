#include "ui/new_project_dialog.h"

#include "core/common/error.h"
#include "core/store/project.h"
#include "core/store/server_location.h"
#include "ui/server_location_fields.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QStandardPaths>

namespace sl::ui {

NewProjectDialog::NewProjectDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("newProjectDialog"));
    setWindowTitle(tr("New project"));
    m_store = new QComboBox(this);
    m_store->setObjectName(QStringLiteral("newProjectStore"));
    m_store->addItem(tr("SQLite file in a folder (this machine)"));
    m_store->addItem(tr("PostgreSQL server (a team shares it)"));

    auto *folderPage = new QWidget(this);
    m_folder = new QLineEdit(folderPage);
    m_folder->setObjectName(QStringLiteral("newProjectFolder"));
    m_folder->setPlaceholderText(tr("A new or empty folder"));
    auto *browse = new QPushButton(tr("Browse…"), folderPage);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString start = m_folder->text().isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                                         : m_folder->text();
        const QString chosen = QFileDialog::getExistingDirectory(this, tr("Folder of the new project"), start);
        if (!chosen.isEmpty())
            m_folder->setText(QDir::toNativeSeparators(chosen));
    });
    auto *folderForm = new QFormLayout(folderPage);
    folderForm->setContentsMargins(0, 0, 0, 0);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    folderForm->addRow(tr("Folder:"), folderRow);

    m_server = new ServerLocationFields(this);
    auto *serverPage = new QWidget(this);
    auto *serverLayout = new QVBoxLayout(serverPage);
    serverLayout->setContentsMargins(0, 0, 0, 0);
    serverLayout->addWidget(m_server);
    auto *serverNote = new QLabel(tr("The database must exist and be empty (CREATE DATABASE name TEMPLATE template0 "
                                     "LOCALE 'C'). Media paths are stored relative to the media root; each other "
                                     "machine sets its own with File > Open server project."),
                                  serverPage);
    serverNote->setWordWrap(true);
    serverNote->setEnabled(false);  // drawn as a hint
    serverLayout->addWidget(serverNote);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(folderPage);
    m_pages->addWidget(serverPage);
    // As tall as its contents: the room a longer problem text gets must not open gaps in the page.
    m_pages->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    connect(m_store, &QComboBox::currentIndexChanged, this, [this](int page) {
        m_pages->setCurrentIndex(page);
        m_name->setPlaceholderText(page == 0 ? tr("The folder's name") : tr("The database's name"));
        m_problem->hide();
    });

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("newProjectName"));
    m_name->setPlaceholderText(tr("The folder's name"));
    m_scale = new QComboBox(this);
    m_scale->setObjectName(QStringLiteral("newProjectScale"));
    for (const LabelScale::Kind kind : {LabelScale::Kind::Mosi, LabelScale::Kind::Sims})
        m_scale->addItem(LabelScale(kind).description(), LabelScale(kind).name());
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("newProjectProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    connect(buttons, &QDialogButtonBox::accepted, this, &NewProjectDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewProjectDialog::reject);

    auto *form = new QFormLayout(this);
    form->addRow(tr("Store in:"), m_store);
    form->addRow(m_pages);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Label scale:"), m_scale);
    form->addRow(m_problem);
    form->addRow(buttons);
    setMinimumWidth(560);
}

bool NewProjectDialog::onServer() const { return m_store->currentIndex() == 1; }

QString NewProjectDialog::folder() const { return QDir::fromNativeSeparators(m_folder->text().trimmed()); }

QString NewProjectDialog::location() const { return onServer() ? m_server->url() : folder(); }

QString NewProjectDialog::name() const
{
    const QString name = m_name->text().trimmed();
    if (!name.isEmpty())
        return name;
    if (!onServer())
        return QFileInfo(QDir::cleanPath(folder())).fileName();
    try {
        return store::parseServerLocation(location()).database;
    } catch (const Error &) {
        return {};
    }
}

LabelScale NewProjectDialog::scale() const
{
    return LabelScale::fromName(m_scale->currentData().toString()).value_or(LabelScale());
}

QString NewProjectDialog::problem() const { return m_problem->isHidden() ? QString() : m_problem->text(); }

void NewProjectDialog::showProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->show();
    // Fit the height to the text at the dialog's width (a long reason wraps to several lines).
    resize(width(), layout()->totalHeightForWidth(width()));
}

void NewProjectDialog::accept()
{
    QString problem;
    if (onServer())
        problem = m_server->problem();
    else if (folder().isEmpty())
        problem = tr("Choose a folder for the project.");
    else if (store::Project::existsAt(folder()))
        problem = tr("%1 already holds a project: open it with File > Open project.").arg(m_folder->text());
    if (!problem.isEmpty()) {
        showProblem(problem);
        return;
    }
    // The server is asked only now (connecting can take up to its 10 s timeout).
    QApplication::setOverrideCursor(Qt::WaitCursor);
    try {
        store::Project::create(location(), name(), scale(), onServer() ? m_server->mediaRoot() : QString());
    } catch (const Error &error) {
        QApplication::restoreOverrideCursor();
        QString message = error.message();
        if (onServer() && message.contains(QLatin1String("a project already exists")))
            message += tr(" Open it with File > Open server project.");
        showProblem(message);
        return;
    }
    QApplication::restoreOverrideCursor();
    m_problem->hide();
    QDialog::accept();
}

}  // namespace sl::ui
