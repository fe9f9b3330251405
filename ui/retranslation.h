#pragma once
// Switching the language while the window is open (issue 17). Widgets here get their texts once,
// from tr() at construction, so on a language change every visible text must be looked up again.
// A RecordingTranslator (the one translator SentiLens installs; it asks the loaded .qm files)
// remembers, for every text it handed out, which source string it came from; retranslateTexts()
// then finds each widget's and action's current text among them and sets the text anew in the
// language now installed. Texts built with arg() or %n are not found this way: the widgets that
// show such texts rebuild them on QEvent::LanguageChange (the main window's title and status bar,
// the timeline's lanes, the plots).
#include <QHash>
#include <QList>
#include <QReadWriteLock>
#include <QTranslator>

#include <memory>

class QWidget;

namespace sl::ui {

class RecordingTranslator : public QTranslator {
    Q_OBJECT
public:
    explicit RecordingTranslator(QObject *parent = nullptr);
    ~RecordingTranslator() override;

    // The translators asked in turn (SentiLens's own, then Qt's); none: the source language.
    void setTranslators(std::vector<std::unique_ptr<QTranslator>> translators);
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *disambiguation = nullptr, int n = -1) const override;

    // `text` (as shown in any language handed out so far) in the language installed now; empty
    // when `text` did not come from a translation. One text can come from several sources ("Models"
    // of the main window and of a panel may translate differently): the source whose context is
    // the class of `owner` or of its nearest parent wins.
    QString retranslated(const QString &text, const QObject *owner = nullptr) const;

    // The instance installed by installTranslations(), if any.
    static RecordingTranslator *installed();

private:
    struct Source {
        QByteArray context, text, disambiguation;
        bool operator==(const Source &) const = default;
    };
    std::vector<std::unique_ptr<QTranslator>> m_translators;
    mutable QReadWriteLock m_lock;  // tr() is called from worker threads too
    mutable QHash<QString, QList<Source>> m_sources;
};

// Sets every text under `root` (window titles, tooltips, labels, buttons, group boxes, tabs,
// combo box items, placeholders, actions and menus, item view headers) anew in the installed
// language. Texts that did not come from a translation (names, numbers, file paths) stay.
void retranslateTexts(QWidget *root);

}  // namespace sl::ui
