#include "ui/speech_model_dialog.h"

#include "core/common/error.h"
#include "core/language/asr_model_setting.h"
#include "core/language/recognizer_choice.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>
#include <algorithm>

namespace sl::ui {

SpeechModelDialog::SpeechModelDialog(QString projectPath, QWidget *parent)
    : QDialog(parent), m_projectPath(std::move(projectPath)),
      m_pocketSphinx(new QRadioButton(tr("PocketSphinx, built in: English only"), this)),
      m_whisper(new QRadioButton(tr("Whisper with a model file: English, Mandarin and the other languages of the model"), this)),
      m_model(new QLineEdit(this)), m_browse(new QPushButton(tr("Browse…"), this)), m_error(new QLabel(this))
{
    setWindowTitle(tr("Speech recogniser"));
    setObjectName(QStringLiteral("speechModelDialog"));
    m_model->setObjectName(QStringLiteral("whisperModel"));
    m_model->setPlaceholderText(tr("ggml-base.bin"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_error->hide();

    auto *explanation = new QLabel(tr("Clips without a transcript from the dataset or a subtitle file beside them are "
                                      "transcribed by speech recognition at the next extraction, only in a language the "
                                      "recogniser knows. Whisper models are the ggml-*.bin files of the whisper.cpp project "
                                      "(ggml-base.bin, 142 MB, is a good start; ggml-small.bin, 466 MB, is more accurate)."),
                                   this);
    explanation->setWordWrap(true);

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_model, 1);
    fileRow->addWidget(m_browse);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Whisper model"), m_model->text(),
                                                          tr("whisper.cpp models (*.bin);;All files (*)"));
        if (!file.isEmpty())
            m_model->setText(file);
    });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SpeechModelDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SpeechModelDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(m_pocketSphinx);
    layout->addWidget(m_whisper);
    layout->addLayout(fileRow);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(m_whisper, &QRadioButton::toggled, this, &SpeechModelDialog::updateEnabled);

    m_pocketSphinx->setChecked(true);
    if (!language::whisperAvailable()) {
        m_whisper->setEnabled(false);
        m_whisper->setToolTip(tr("This SentiLens was built without whisper.cpp."));
    }
    try {
        if (const QString model = language::asrModelChoice(m_projectPath); !model.isEmpty()) {
            m_whisper->setChecked(true);
            m_model->setText(model);
        }
    } catch (const Error &error) {
        m_error->setText(error.message());
        m_error->show();
    }
    updateEnabled();
    resize(600, sizeHint().height());
}

void SpeechModelDialog::chooseWhisper(const QString &modelFile)
{
    m_whisper->setChecked(true);
    m_model->setText(modelFile);
}

void SpeechModelDialog::choosePocketSphinx() { m_pocketSphinx->setChecked(true); }

QString SpeechModelDialog::errorText() const { return m_error->isHidden() ? QString() : m_error->text(); }

bool SpeechModelDialog::apply()
{
    m_error->hide();
    try {
        if (m_pocketSphinx->isChecked()) {
            language::chooseAsrModel(m_projectPath, QString());
            return true;
        }
        if (m_model->text().trimmed().isEmpty())
            throw Error(tr("Choose the Whisper model file."));
        language::chooseAsrModel(m_projectPath, m_model->text().trimmed());
        return true;
    } catch (const Error &error) {
        m_error->setText(error.message());
        m_error->show();
        // The message takes lines of its own; the dialog grows instead of squeezing the explanation.
        resize(width(), std::max(height(), sizeHint().height()));
        return false;
    }
}

void SpeechModelDialog::accept()
{
    if (apply())
        QDialog::accept();
}

void SpeechModelDialog::updateEnabled()
{
    const bool on = m_whisper->isChecked();
    m_model->setEnabled(on);
    m_browse->setEnabled(on);
}

}  // namespace sl::ui
