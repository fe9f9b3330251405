// MainWindow: the language of clips, set by hand (issue 16). Speech recognition runs only with a
// recogniser for a clip's language, so a clip the identifier could not tell, or told wrongly, is
// put right here; a recognised transcript in another language is cleared (core/language).
#include "ui/main_window.h"

#include "core/common/error.h"
#include "core/language/clip_languages.h"
#include "core/language/language_id.h"
#include "core/session/labeling_session.h"
#include "core/store/project.h"
#include "ui/clip_browser.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QRadioButton>
#include <QStatusBar>
#include <QVBoxLayout>

namespace sl::ui {

void MainWindow::askClipLanguage()
{
    if (!m_session) {
        showError(tr("Open a project first."));
        return;
    }
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Set clip language"));
    auto *code = new QComboBox(&dialog);
    code->setEditable(true);
    // ISO 639-1 codes; any other code can be typed. "unknown" lets the identifier decide again.
    code->addItems({QStringLiteral("en"), QStringLiteral("zh"), QStringLiteral("es"), QStringLiteral("fr"), QStringLiteral("de"),
                    QStringLiteral("ja"), QStringLiteral("ko"), QStringLiteral("pt"), QStringLiteral("ru"), QStringLiteral("unknown")});
    const QList<qint64> listed = m_browser->listedClipIds();
    auto *current = new QRadioButton(tr("This clip (%1)").arg(clipName(m_browser->currentClipId())), &dialog);
    auto *all = new QRadioButton(tr("Every clip the list shows (%n)", nullptr, int(listed.size())), &dialog);
    current->setChecked(m_browser->currentClipId() != 0);
    current->setEnabled(m_browser->currentClipId() != 0);
    all->setChecked(m_browser->currentClipId() == 0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *form = new QFormLayout;
    form->addRow(tr("Language:"), code);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addLayout(form);
    layout->addWidget(current);
    layout->addWidget(all);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString text = code->currentText().trimmed();
    setClipLanguage(current->isChecked() ? QList<qint64>{m_browser->currentClipId()} : listed,
                    text == QLatin1String("unknown") ? QString() : text);
}

bool MainWindow::setClipLanguage(const QList<qint64> &clipIds, const QString &code)
{
    if (!m_session || clipIds.isEmpty())
        return false;
    try {
        const QString language = code.isEmpty() ? QString() : language::normalizeLanguageCode(code);
        // A connection of its own: the session reads through a read-only view of the project.
        const store::Project &open = m_session->project();
        const std::unique_ptr<store::Project> writer = store::Project::open(open.isServer() ? open.databasePath() : open.folder());
        const int cleared = language::setClipLanguages(*writer, clipIds, language);
        reloadClips();
        QString message = tr("%n clip(s) set to %1", nullptr, int(clipIds.size()))
                              .arg(language.isEmpty() ? tr("unknown language") : language);
        if (cleared > 0)
            message += tr("; %n recognised transcript(s) in another language cleared: extract again, or add transcripts", nullptr, cleared);
        statusBar()->showMessage(message, 10000);
        return true;
    } catch (const std::exception &error) {
        const auto *own = dynamic_cast<const Error *>(&error);
        showError(own ? own->message() : QString::fromUtf8(error.what()));
        return false;
    }
}

}  // namespace sl::ui
