#include "ui/shortcut_dialog.h"

#include "ui/shortcut_registry.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequenceEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sl::ui {

ShortcutDialog::ShortcutDialog(ShortcutRegistry &registry, QWidget *parent) : QDialog(parent), m_registry(registry)
{
    setWindowTitle(tr("Keyboard shortcuts"));
    m_table = new QTableWidget(this);
    m_table->setColumnCount(2);
    m_table->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close | QDialogButtonBox::RestoreDefaults, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
        m_registry.resetToDefaults();
        fill();
    });
    resize(560, 600);
    fill();
}

void ShortcutDialog::fill()
{
    const QList<QAction *> actions = m_registry.actions();
    m_table->setRowCount(int(actions.size()));
    for (int row = 0; row < actions.size(); ++row) {
        QAction *action = actions[row];
        const QString id = m_registry.idOf(action);
        auto *name = new QTableWidgetItem(ShortcutRegistry::plainText(action));
        name->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(row, 0, name);
        auto *edit = new QKeySequenceEdit(action->shortcut(), m_table);
        m_table->setCellWidget(row, 1, edit);
        connect(edit, &QKeySequenceEdit::editingFinished, this, [this, edit, id] {
            const QKeySequence key = edit->keySequence();
            const QString other = m_registry.conflictFor(id, key);
            if (!other.isEmpty()) {
                QMessageBox::warning(this, tr("Shortcut in use"),
                                     tr("%1 is already used by \"%2\".")
                                         .arg(key.toString(QKeySequence::NativeText),
                                              ShortcutRegistry::plainText(m_registry.action(other))));
                edit->setKeySequence(m_registry.action(id)->shortcut());
                return;
            }
            m_registry.rebind(id, key);
        });
    }
    m_table->resizeColumnToContents(0);
}

}  // namespace sl::ui
