#include "ui/text_encoder_dialog.h"

#include "core/common/error.h"
#include "core/jobs/text_encoder_setting.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace sl::ui {

TextEncoderDialog::TextEncoderDialog(QString projectPath, QWidget *parent)
    : QDialog(parent), m_projectPath(std::move(projectPath)), m_builtIn(new QRadioButton(tr("Built-in text features only"), this)),
      m_encoder(new QRadioButton(tr("Add the embeddings of a TorchScript encoder"), this)), m_model(new QLineEdit(this)),
      m_vocab(new QLineEdit(this)), m_cased(new QCheckBox(tr("Cased vocabulary (keep upper case)"), this)),
      m_error(new QLabel(this))
{
    setWindowTitle(tr("Text encoder"));
    setObjectName(QStringLiteral("textEncoderDialog"));
    m_model->setObjectName(QStringLiteral("encoderModel"));
    m_vocab->setObjectName(QStringLiteral("encoderVocab"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_error->hide();

    auto *explanation = new QLabel(tr("Text features are lexical (sentiment lexicon, negation, intensity) and, when an "
                                      "encoder is chosen, also its token embeddings, e.g. a BERT model traced with "
                                      "torch.jit.trace and its vocab.txt. The next extraction uses the choice."),
                                   this);
    explanation->setWordWrap(true);

    auto fileRow = [this](QLineEdit *field, const QString &title, const QString &filter) {
        auto *row = new QHBoxLayout;
        auto *button = new QPushButton(tr("Browse…"), this);
        row->addWidget(field, 1);
        row->addWidget(button);
        connect(button, &QPushButton::clicked, this, [=, this] { browse(field, title, filter); });
        return row;
    };
    auto *files = new QFormLayout;
    files->addRow(tr("Model (.pt):"), fileRow(m_model, tr("TorchScript encoder"), tr("TorchScript (*.pt *.pth);;All files (*)")));
    files->addRow(tr("Vocabulary:"), fileRow(m_vocab, tr("WordPiece vocabulary"), tr("Text (*.txt);;All files (*)")));
    files->addRow(QString(), m_cased);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &TextEncoderDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &TextEncoderDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(m_builtIn);
    layout->addWidget(m_encoder);
    layout->addLayout(files);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(m_encoder, &QRadioButton::toggled, this, &TextEncoderDialog::updateEnabled);

    m_builtIn->setChecked(true);
    try {
        if (const auto setting = jobs::textEncoderChoice(m_projectPath)) {
            m_encoder->setChecked(true);
            m_model->setText(setting->modelFile);
            m_vocab->setText(setting->vocabFile);
            m_cased->setChecked(setting->cased);
        }
    } catch (const Error &error) {
        m_error->setText(error.message());
        m_error->show();
    }
    updateEnabled();
    resize(560, sizeHint().height());
}

void TextEncoderDialog::chooseFiles(const QString &modelFile, const QString &vocabFile, bool cased)
{
    m_encoder->setChecked(true);
    m_model->setText(modelFile);
    m_vocab->setText(vocabFile);
    m_cased->setChecked(cased);
}

void TextEncoderDialog::chooseBuiltIn() { m_builtIn->setChecked(true); }

QString TextEncoderDialog::errorText() const { return m_error->isHidden() ? QString() : m_error->text(); }

bool TextEncoderDialog::apply()
{
    m_error->hide();
    try {
        if (m_builtIn->isChecked()) {
            jobs::chooseTextEncoder(m_projectPath, std::nullopt);
            return true;
        }
        if (m_model->text().trimmed().isEmpty() || m_vocab->text().trimmed().isEmpty())
            throw Error(tr("Choose both the model file and its vocabulary."));
        jobs::chooseTextEncoder(m_projectPath, jobs::TextEncoderSetting{m_model->text().trimmed(), m_vocab->text().trimmed(), m_cased->isChecked()});
        return true;
    } catch (const Error &error) {
        m_error->setText(error.message());
        m_error->show();
        return false;
    }
}

void TextEncoderDialog::accept()
{
    if (apply())
        QDialog::accept();
}

void TextEncoderDialog::browse(QLineEdit *field, const QString &title, const QString &filter)
{
    const QString file = QFileDialog::getOpenFileName(this, title, field->text(), filter);
    if (!file.isEmpty())
        field->setText(file);
}

void TextEncoderDialog::updateEnabled()
{
    const bool on = m_encoder->isChecked();
    m_model->setEnabled(on);
    m_vocab->setEnabled(on);
    m_cased->setEnabled(on);
}

}  // namespace sl::ui
