#include "ui/new_project_dialog.h"

#include "core/store/project.h"

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
#include <QStandardPaths>

namespace sl::ui {

NewProjectDialog::NewProjectDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("newProjectDialog"));
    setWindowTitle(tr("New project"));
    m_folder = new QLineEdit(this);
    m_folder->setObjectName(QStringLiteral("newProjectFolder"));
    m_folder->setPlaceholderText(tr("A new or empty folder"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString start = m_folder->text().isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                                         : m_folder->text();
        const QString chosen = QFileDialog::getExistingDirectory(this, tr("Folder of the new project"), start);
        if (!chosen.isEmpty())
            m_folder->setText(QDir::toNativeSeparators(chosen));
    });
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("newProjectName"));
    m_name->setPlaceholderText(tr("The folder's name"));
    m_scale = new QComboBox(this);
    m_scale->setObjectName(QStringLiteral("newProjectScale"));
    for (const LabelScale::Kind kind : {LabelScale::Kind::Mosi, LabelScale::Kind::Sims})
        m_scale->addItem(LabelScale(kind).description(), LabelScale(kind).name());
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    connect(buttons, &QDialogButtonBox::accepted, this, &NewProjectDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewProjectDialog::reject);

    auto *form = new QFormLayout(this);
    form->addRow(tr("Folder:"), folderRow);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Label scale:"), m_scale);
    form->addRow(m_problem);
    form->addRow(buttons);
    setMinimumWidth(520);
}

QString NewProjectDialog::folder() const { return QDir::fromNativeSeparators(m_folder->text().trimmed()); }

QString NewProjectDialog::name() const
{
    const QString name = m_name->text().trimmed();
    return name.isEmpty() ? QFileInfo(QDir::cleanPath(folder())).fileName() : name;
}

LabelScale NewProjectDialog::scale() const
{
    return LabelScale::fromName(m_scale->currentData().toString()).value_or(LabelScale());
}

void NewProjectDialog::accept()
{
    QString problem;
    if (folder().isEmpty())
        problem = tr("Choose a folder for the project.");
    else if (store::Project::existsAt(folder()))
        problem = tr("%1 already holds a project: open it with File > Open project.").arg(m_folder->text());
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        m_problem->show();
        return;
    }
    QDialog::accept();
}

}  // namespace sl::ui
