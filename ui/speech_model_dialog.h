#pragma once
// Jobs > Speech recogniser: the window's way to point SentiLens at a Whisper model file, as
// `sentilens-cli extract --asr-model FILE` does. The choice is stored in the project
// (core/language/asr_model_setting.h) and used by the next feature extraction for clips without a
// transcript; without a model PocketSphinx recognises English only.
#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace sl::ui {

class SpeechModelDialog : public QDialog {
    Q_OBJECT
public:
    // Shows the project's current choice. projectPath: the open project's folder.
    explicit SpeechModelDialog(QString projectPath, QWidget *parent = nullptr);

    // Fills the form as a user would (used by tests and by the file picker).
    void chooseWhisper(const QString &modelFile);
    void choosePocketSphinx();
    // Stores the choice; false (with the message shown in the dialog) when the file is not a
    // usable Whisper model or the project cannot be written; nothing is stored then.
    bool apply();
    QString errorText() const;

    void accept() override;

private:
    void updateEnabled();

    QString m_projectPath;
    QRadioButton *m_pocketSphinx;
    QRadioButton *m_whisper;
    QLineEdit *m_model;
    QPushButton *m_browse;
    QLabel *m_error;
};

}  // namespace sl::ui
