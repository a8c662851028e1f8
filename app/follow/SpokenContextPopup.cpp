#include "follow/SpokenContextPopup.h"

#include "common/CoreBridge.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace scholia::gui {

SpokenContextPopup::SpokenContextPopup(QWidget* parent) : QDialog(parent, Qt::Tool)
{
    setObjectName(QStringLiteral("spokenContextPopup"));
    setWindowTitle(tr("What Was Said"));
    setModal(false);
    m_claim = new QLabel(this);
    m_claim->setObjectName(QStringLiteral("spokenContextClaim"));
    m_claim->setWordWrap(true);
    m_claim->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_range = new QLabel(this);
    m_range->setObjectName(QStringLiteral("spokenContextRange"));
    m_spoken = new QTextBrowser(this);
    m_spoken->setObjectName(QStringLiteral("spokenContextText"));
    m_spoken->setOpenLinks(false);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_play = buttons->addButton(tr("Play"), QDialogButtonBox::ActionRole);
    m_play->setObjectName(QStringLiteral("spokenContextPlayButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::hide);
    connect(m_play, &QPushButton::clicked, this, [this] {
        if (m_fromMs)
            Q_EMIT playRequested(*m_fromMs);
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<b>The note says</b>"), this));
    layout->addWidget(m_claim);
    layout->addWidget(m_range);
    layout->addWidget(m_spoken, 1);
    layout->addWidget(buttons);
    resize(460, 340);
}

void SpokenContextPopup::showContext(const QString& claimText, const SpokenContext& context)
{
    m_fromMs = context.fromMs;
    m_range->setText(tr("<b>The video says</b>, %1 - %2").arg(clockText(context.fromMs), clockText(context.toMs)));
    m_spoken->setPlainText(context.text.empty() ? tr("(nothing is said there in the transcript)")
                                                : toQString(context.text));
    m_play->setText(tr("Play from %1").arg(clockText(context.fromMs)));
    m_play->setEnabled(true);
    present(claimText);
}

void SpokenContextPopup::showMessage(const QString& claimText, const QString& message)
{
    m_fromMs.reset();
    m_range->setText(tr("<b>The video says</b>"));
    m_spoken->setPlainText(message);
    m_play->setText(tr("Play"));
    m_play->setEnabled(false);
    present(claimText);
}

QString SpokenContextPopup::spokenText() const
{
    return m_spoken->toPlainText();
}

void SpokenContextPopup::present(const QString& claimText)
{
    m_claim->setText(claimText);
    show();
    raise();
}

}  // namespace scholia::gui
