#pragma once
// Project > Text encoder: the window's way to choose the TorchScript text encoder that the
// command line sets with `extract --text-encoder`. The choice is stored in the project (see
// core/jobs/text_encoder_setting.h) and used by the next feature extraction.
#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace sl::ui {

class TextEncoderDialog : public QDialog {
    Q_OBJECT
public:
    // Shows the project's current choice. projectPath: the open project's folder.
    explicit TextEncoderDialog(QString projectPath, QWidget *parent = nullptr);

    // Fills the form as a user would (used by tests and by the file pickers).
    void chooseFiles(const QString &modelFile, const QString &vocabFile, bool cased);
    void chooseBuiltIn();
    // Stores the choice; false (with the message shown in the dialog) when the files do not load
    // as an encoder or the project cannot be written; nothing is stored then.
    bool apply();
    QString errorText() const;

    void accept() override;

private:
    void browse(QLineEdit *field, const QString &title, const QString &filter);
    void updateEnabled();

    QString m_projectPath;
    QRadioButton *m_builtIn;
    QRadioButton *m_encoder;
    QLineEdit *m_model;
    QLineEdit *m_vocab;
    QCheckBox *m_cased;
    QLabel *m_error;
};

}  // namespace sl::ui
