#include "ui/open_server_dialog.h"

#include "core/common/error.h"
#include "core/store/project.h"
#include "ui/server_location_fields.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sl::ui {

OpenServerDialog::OpenServerDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("openServerDialog"));
    setWindowTitle(tr("Open server project"));
    m_fields = new ServerLocationFields(this);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("openServerProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Open"));
    connect(buttons, &QDialogButtonBox::accepted, this, &OpenServerDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &OpenServerDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_fields);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

QString OpenServerDialog::url() const { return m_fields->url(); }

QString OpenServerDialog::problem() const { return m_problem->isHidden() ? QString() : m_problem->text(); }

void OpenServerDialog::accept()
{
    QString problem = m_fields->problem();
    if (problem.isEmpty()) {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        try {
            m_fields->recordMediaRoot();
            store::Project::open(url());  // the window opens it again; this names what is wrong here
        } catch (const Error &error) {
            problem = error.message();
        }
        QApplication::restoreOverrideCursor();
    }
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        m_problem->show();
        return;
    }
    m_problem->hide();
    QDialog::accept();
}

}  // namespace sl::ui
