#include "ui/server_location_fields.h"

#include "core/common/error.h"
#include "core/store/media_root.h"
#include "core/store/server_location.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace sl::ui {

ServerLocationFields::ServerLocationFields(QWidget *parent) : QWidget(parent)
{
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("serverUrl"));
    m_url->setPlaceholderText(QStringLiteral("postgresql://user@host/database"));
    m_mediaRoot = new QLineEdit(this);
    m_mediaRoot->setObjectName(QStringLiteral("serverMediaRoot"));
    m_mediaRoot->setPlaceholderText(tr("Where this machine mounts the project's media"));
    // A project opened here before has its media root recorded: offer it rather than ask again.
    connect(m_url, &QLineEdit::editingFinished, this, [this] {
        if (!m_mediaRoot->text().trimmed().isEmpty())
            return;
        try {
            const QString known = store::mediaRootFor(store::parseServerLocation(url()).display());
            if (!known.isEmpty())
                m_mediaRoot->setText(QDir::toNativeSeparators(known));
        } catch (const Error &) {
            // an address still being typed: problem() names it when the dialog is accepted
        }
    });
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getExistingDirectory(this, tr("Media root of the shared project"), mediaRoot());
        if (!chosen.isEmpty())
            m_mediaRoot->setText(QDir::toNativeSeparators(chosen));
    });
    auto *rootRow = new QHBoxLayout;
    rootRow->addWidget(m_mediaRoot, 1);
    rootRow->addWidget(browse);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Server:"), m_url);
    form->addRow(tr("Media root:"), rootRow);
}

QString ServerLocationFields::url() const { return m_url->text().trimmed(); }

QString ServerLocationFields::mediaRoot() const { return QDir::fromNativeSeparators(m_mediaRoot->text().trimmed()); }

QString ServerLocationFields::problem() const
{
    if (url().isEmpty())
        return tr("Enter the server's address, for example postgresql://ana@db.lab.example/corpus.");
    if (!store::isServerLocation(url()))
        return tr("%1 is not a server address: it starts with postgresql://").arg(url());
    try {
        store::parseServerLocation(url());
    } catch (const Error &error) {
        return error.message();
    }
    if (mediaRoot().isEmpty())
        return tr("Choose the media root: the folder where this machine keeps the shared project's media.");
    if (!QFileInfo(mediaRoot()).isDir())
        return tr("The media root %1 is not a folder on this machine.").arg(m_mediaRoot->text().trimmed());
    return {};
}

void ServerLocationFields::recordMediaRoot() const
{
    store::setMediaRootFor(store::parseServerLocation(url()).display(), mediaRoot());
}

}  // namespace sl::ui
