#include "ui/retranslation.h"

#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPointer>
#include <QTabBar>
#include <QTextEdit>
#include <QWidget>

namespace sl::ui {

namespace {
QPointer<RecordingTranslator> g_installed;

// Sets `text` anew through `set` when it came from a translation.
template <typename Set>
void again(const QObject *owner, const QString &text, Set set)
{
    if (text.isEmpty())
        return;
    const QString now = RecordingTranslator::installed()->retranslated(text, owner);
    if (!now.isEmpty() && now != text)
        set(now);
}
}  // namespace

RecordingTranslator::RecordingTranslator(QObject *parent) : QTranslator(parent)
{
    if (!g_installed)
        g_installed = this;
}

RecordingTranslator::~RecordingTranslator() = default;

RecordingTranslator *RecordingTranslator::installed() { return g_installed.data(); }

void RecordingTranslator::setTranslators(std::vector<std::unique_ptr<QTranslator>> translators)
{
    QWriteLocker lock(&m_lock);
    m_translators = std::move(translators);
}

QString RecordingTranslator::translate(const char *context, const char *sourceText, const char *disambiguation, int n) const
{
    QReadLocker read(&m_lock);
    QString result;
    for (const auto &translator : m_translators) {
        result = translator->translate(context, sourceText, disambiguation, n);
        if (!result.isNull())
            break;
    }
    // Plural forms get their number after this call: such a text never appears as handed out.
    if (n >= 0 || sourceText == nullptr || context == nullptr)
        return result;
    const QString shown = result.isNull() ? QString::fromUtf8(sourceText) : result;
    Source source{QByteArray(context), QByteArray(sourceText), QByteArray(disambiguation)};
    const auto known = m_sources.constFind(shown);
    if (shown.isEmpty() || (known != m_sources.cend() && known->contains(source)))
        return result;
    read.unlock();
    QWriteLocker write(&m_lock);
    QList<Source> &sources = m_sources[shown];
    if (!sources.contains(source))
        sources.append(std::move(source));
    return result;
}

QString RecordingTranslator::retranslated(const QString &text, const QObject *owner) const
{
    Source source;
    {
        QReadLocker lock(&m_lock);
        const auto found = m_sources.constFind(text);
        if (found == m_sources.cend() || found->isEmpty())
            return {};
        source = found->first();
        bool matched = false;
        for (const QObject *object = owner; object && !matched; object = object->parent())
            for (const Source &candidate : *found)
                if (candidate.context == object->metaObject()->className()) {
                    source = candidate;
                    matched = true;
                    break;
                }
    }
    return QCoreApplication::translate(source.context.constData(), source.text.constData(),
                                       source.disambiguation.isEmpty() ? nullptr : source.disambiguation.constData());
}

void retranslateTexts(QWidget *root)
{
    if (!RecordingTranslator::installed() || !root)
        return;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *widget : std::as_const(widgets)) {
        again(widget, widget->windowTitle(), [widget](const QString &t) { widget->setWindowTitle(t); });
        again(widget, widget->toolTip(), [widget](const QString &t) { widget->setToolTip(t); });
        again(widget, widget->statusTip(), [widget](const QString &t) { widget->setStatusTip(t); });
        again(widget, widget->whatsThis(), [widget](const QString &t) { widget->setWhatsThis(t); });
        if (auto *label = qobject_cast<QLabel *>(widget))
            again(label, label->text(), [label](const QString &t) { label->setText(t); });
        else if (auto *button = qobject_cast<QAbstractButton *>(widget))
            again(button, button->text(), [button](const QString &t) { button->setText(t); });
        else if (auto *group = qobject_cast<QGroupBox *>(widget))
            again(group, group->title(), [group](const QString &t) { group->setTitle(t); });
        else if (auto *line = qobject_cast<QLineEdit *>(widget))
            again(line, line->placeholderText(), [line](const QString &t) { line->setPlaceholderText(t); });
        else if (auto *plain = qobject_cast<QPlainTextEdit *>(widget))
            again(plain, plain->placeholderText(), [plain](const QString &t) { plain->setPlaceholderText(t); });
        else if (auto *rich = qobject_cast<QTextEdit *>(widget))
            again(rich, rich->placeholderText(), [rich](const QString &t) { rich->setPlaceholderText(t); });
        else if (auto *menu = qobject_cast<QMenu *>(widget))
            again(menu, menu->title(), [menu](const QString &t) { menu->setTitle(t); });
        if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            for (int i = 0; i < combo->count(); ++i)
                again(combo, combo->itemText(i), [combo, i](const QString &t) { combo->setItemText(i, t); });
        } else if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i) {
                again(tabs, tabs->tabText(i), [tabs, i](const QString &t) { tabs->setTabText(i, t); });
                again(tabs, tabs->tabToolTip(i), [tabs, i](const QString &t) { tabs->setTabToolTip(i, t); });
            }
        } else if (auto *header = qobject_cast<QHeaderView *>(widget)) {
            // Models answer headerData() with tr() at the time of asking: asking again is enough.
            if (header->model() && header->count() > 0)
                header->headerDataChanged(header->orientation(), 0, header->count() - 1);
        }
    }
    for (QAction *action : root->findChildren<QAction *>()) {
        again(action, action->text(), [action](const QString &t) { action->setText(t); });
        // An action without a tooltip of its own shows its text: setting one would freeze it.
        if (QString(action->text()).remove(QLatin1Char('&')) != action->toolTip())
            again(action, action->toolTip(), [action](const QString &t) { action->setToolTip(t); });
        again(action, action->statusTip(), [action](const QString &t) { action->setStatusTip(t); });
    }
}

}  // namespace sl::ui
