#pragma once
// What the active model says about the current clip. Filled by the model and workbench features;
// until a model is trained or imported it says how to get one.
#include "core/store/clip_overview.h"

#include <QWidget>

class QLabel;

namespace sl::ui {

class ModelPanel : public QWidget {
    Q_OBJECT
public:
    explicit ModelPanel(QWidget *parent = nullptr);
    void setHasModel(bool hasModel);
    void showClip(const store::ClipOverview *clip);
    QString text() const;

private:
    QLabel *m_text;
    bool m_hasModel = false;
};

}  // namespace sl::ui
