#pragma once
// The transcript of the current clip. Cues with timings are highlighted as playback passes them;
// editing (F2) turns the text into an editor, and committing asks the window for an undoable change.
#include "core/store/clip_repository.h"

#include <QList>
#include <QPair>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTextBrowser;

namespace sl::ui {

class TranscriptView : public QWidget {
    Q_OBJECT
public:
    explicit TranscriptView(QWidget *parent = nullptr);

    void showTranscript(const QString &text, const QString &source, const QList<store::TranscriptCueRecord> &cues);
    void clear();
    QString text() const { return m_text; }
    bool isEditing() const;
    int highlightedCue() const { return m_highlighted; }

public slots:
    void setPosition(qint64 ms);
    void startEditing();
    void commitEdit();
    void cancelEdit();

signals:
    void transcriptEditRequested(const QString &text);
    void editingChanged(bool editing);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;  // a language change: the source line anew

private:
    void highlight(int cue);

    QLabel *m_source = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTextBrowser *m_browser = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QString m_text;
    QString m_sourceName;  // where the transcript came from, as given
    QList<store::TranscriptCueRecord> m_cues;
    QList<QPair<int, int>> m_cueRanges;  // character range of each cue in the browser
    int m_highlighted = -1;
};

}  // namespace sl::ui
