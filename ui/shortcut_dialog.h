#pragma once
// Lets the user rebind every shortcut; conflicts are refused with the name of the other action.
#include <QDialog>

class QTableWidget;

namespace sl::ui {

class ShortcutRegistry;

class ShortcutDialog : public QDialog {
    Q_OBJECT
public:
    ShortcutDialog(ShortcutRegistry &registry, QWidget *parent = nullptr);

private:
    void fill();

    ShortcutRegistry &m_registry;
    QTableWidget *m_table;
};

}  // namespace sl::ui
