// MainWindow on a language change (View > Language applies at once, issue 17). The texts given
// once with tr() are looked up again (retranslation.h); those built with arg() are built again by
// the code that built them: the title and the status bar's project, annotator and saved labels.
// The docks' own widgets rebuild theirs on the same event (the timeline's lanes, the clip list's
// counter), and the explanation plots are drawn again, their captions with them.
#include "ui/main_window.h"

#include "ui/explain/explanation_controller.h"
#include "ui/retranslation.h"
#include "ui/shortcut_registry.h"
#include "ui/workbench/agreement_panel.h"

#include <QEvent>

namespace sl::ui {

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() != QEvent::LanguageChange)
        return;
    retranslateTexts(this);
    updateTitle();
    for (int digit = 0; digit <= 9; ++digit)  // as createActions names them
        m_shortcuts->action(QStringLiteral("label.digit%1").arg(digit))->setText(tr("Set label size %1").arg(digit));
    if (m_session)
        for (AgreementPanel *panel : findChildren<AgreementPanel *>())
            panel->refresh();  // its messages are built with arg() (without a project it shows none)
    if (!m_explanations)
        return;
    if (m_session)
        m_explanations->refresh();  // stored explanations come back at once, captioned anew
    else
        setExplanationProject({});  // the views' "open a project" message
}

}  // namespace sl::ui
