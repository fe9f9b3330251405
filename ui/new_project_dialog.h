#pragma once
// File > New: an empty project in a folder of the user's choice, with a name and a label scale.
#include "core/common/label_scale.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QLabel;

namespace sl::ui {

class NewProjectDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewProjectDialog(QWidget *parent = nullptr);

    QString folder() const;
    QString name() const;  // the folder's name when left empty
    LabelScale scale() const;

    void accept() override;  // refuses (with the reason shown) a folder that already holds a project

private:
    QLineEdit *m_folder = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_scale = nullptr;
    QLabel *m_problem = nullptr;
};

}  // namespace sl::ui
