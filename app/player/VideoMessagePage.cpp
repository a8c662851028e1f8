#include "player/VideoMessagePage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace scholia::gui {

VideoMessagePage::VideoMessagePage(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("videoMessagePage"));

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("videoMessageTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("videoMessageDetail"));
    m_detail->setAlignment(Qt::AlignCenter);
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_locate = new QPushButton(tr("Locate video..."), this);
    m_locate->setObjectName(QStringLiteral("locateVideoButton"));
    m_locate->setFocusPolicy(Qt::NoFocus);
    connect(m_locate, &QPushButton::clicked, this, &VideoMessagePage::locateRequested);

    m_youTube = new QPushButton(this);
    m_youTube->setObjectName(QStringLiteral("youTubeButton"));
    m_youTube->setFocusPolicy(Qt::NoFocus);
    m_youTube->setVisible(false);
    connect(m_youTube, &QPushButton::clicked, this, &VideoMessagePage::youTubeRequested);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_locate);
    buttons->addWidget(m_youTube);
    buttons->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addStretch();
    layout->addWidget(m_title);
    layout->addWidget(m_detail);
    layout->addSpacing(12);
    layout->addLayout(buttons);
    layout->addStretch();
}

void VideoMessagePage::setMessage(const QString& title, const QString& detail)
{
    m_title->setText(title);
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
}

QString VideoMessagePage::title() const
{
    return m_title->text();
}

QString VideoMessagePage::detail() const
{
    return m_detail->text();
}

void VideoMessagePage::setYouTubeOffer(const QString& label)
{
    m_youTube->setText(label);
    m_youTube->setVisible(!label.isEmpty());
}

}  // namespace scholia::gui
