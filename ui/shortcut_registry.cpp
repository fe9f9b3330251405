#include "ui/shortcut_registry.h"

#include <QRegularExpression>
#include <QSettings>
#include <QWidget>

namespace sl::ui {

namespace {
QString settingsKey(const QString &id) { return QStringLiteral("shortcuts/") + id; }
const char *kIdProperty = "sentilensShortcutId";
const char *kDefaultProperty = "sentilensDefaultKeys";
}  // namespace

ShortcutRegistry::ShortcutRegistry(QWidget *owner) : QObject(owner), m_owner(owner) {}

QAction *ShortcutRegistry::add(const QString &id, const QString &text, const QList<QKeySequence> &defaultKeys)
{
    auto *action = new QAction(text, m_owner);
    action->setProperty(kIdProperty, id);
    action->setProperty(kDefaultProperty, QKeySequence::listToString(defaultKeys));
    action->setShortcutContext(Qt::WindowShortcut);
    const QSettings settings;
    if (settings.contains(settingsKey(id)))
        action->setShortcuts(QKeySequence::listFromString(settings.value(settingsKey(id)).toString()));
    else
        action->setShortcuts(defaultKeys);
    m_owner->addAction(action);
    m_actions << action;
    return action;
}

QAction *ShortcutRegistry::action(const QString &id) const
{
    for (QAction *action : m_actions)
        if (idOf(action) == id)
            return action;
    return nullptr;
}

QString ShortcutRegistry::idOf(const QAction *action) const { return action->property(kIdProperty).toString(); }

QString ShortcutRegistry::plainText(const QAction *action)
{
    QString text = action->text();
    static const QRegularExpression bracketed(QStringLiteral("\\(&[^)]\\)"));
    text.remove(bracketed);
    return text.remove(QLatin1Char('&'));
}

QList<QKeySequence> ShortcutRegistry::defaultKeys(const QString &id) const
{
    const QAction *found = action(id);
    return found ? QKeySequence::listFromString(found->property(kDefaultProperty).toString()) : QList<QKeySequence>();
}

QString ShortcutRegistry::conflictFor(const QString &id, const QKeySequence &key) const
{
    if (key.isEmpty())
        return {};
    for (const QAction *other : m_actions)
        if (idOf(other) != id && other->shortcuts().contains(key))
            return idOf(other);
    return {};
}

void ShortcutRegistry::rebind(const QString &id, const QKeySequence &key)
{
    QAction *target = action(id);
    if (!target)
        return;
    target->setShortcuts(key.isEmpty() ? QList<QKeySequence>() : QList<QKeySequence>{key});
    QSettings().setValue(settingsKey(id), key.toString());
}

void ShortcutRegistry::resetToDefaults()
{
    QSettings settings;
    for (QAction *action : m_actions) {
        settings.remove(settingsKey(idOf(action)));
        action->setShortcuts(defaultKeys(idOf(action)));
    }
}

}  // namespace sl::ui
