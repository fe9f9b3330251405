#pragma once
// Every keyboard action of the main window, with its default keys, the keys the user chose
// (kept in QSettings) and a stable id. The help overlay and the shortcut dialog read it from here.
#include <QAction>
#include <QKeySequence>
#include <QList>
#include <QObject>

namespace sl::ui {

class ShortcutRegistry : public QObject {
    Q_OBJECT
public:
    explicit ShortcutRegistry(QWidget *owner);

    // Creates an action on the owner; its keys come from the settings when the user rebound it.
    QAction *add(const QString &id, const QString &text, const QList<QKeySequence> &defaultKeys);
    QAction *action(const QString &id) const;
    QList<QAction *> actions() const { return m_actions; }
    QString idOf(const QAction *action) const;
    // The action's text without its mnemonic: "&Open" and "打开(&O)" both lose the marker.
    static QString plainText(const QAction *action);
    QList<QKeySequence> defaultKeys(const QString &id) const;

    // Rebinds and remembers. Returns the id of another action that already uses the key, if any
    // (the caller decides; nothing is changed then).
    QString conflictFor(const QString &id, const QKeySequence &key) const;
    void rebind(const QString &id, const QKeySequence &key);
    void resetToDefaults();

private:
    QWidget *m_owner;
    QList<QAction *> m_actions;
};

}  // namespace sl::ui
