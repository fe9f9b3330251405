#pragma once
// Jobs > Train model…: architecture, hyperparameters (the architecture's recommended defaults),
// whose labels (one annotator's or an aggregate), which unimodal targets, then training in the
// background with live loss and validation curves and Cancel. A finished model is registered,
// made active, and announced with modelTrained().
#include "core/training/training_job.h"

#include <QDialog>
#include <memory>

class QTemporaryDir;

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace sl::jobs {
class JobRunner;
}

namespace sl::ui {

class TrainDialog : public QDialog {
    Q_OBJECT
public:
    // `annotators`: the project's annotator names; `importAnnotator` the one whose labels came
    // with the dataset; `activeModelId` becomes the new model's parent (0: none); `trainClips`, the
    // size of the train split, shapes the recommended batch size.
    TrainDialog(const QString &projectPath, const QStringList &annotators, const QString &importAnnotator,
                qint64 activeModelId, int trainClips, QWidget *parent = nullptr);

    // The project's label scale ("mosi" or "sims"): the paper recipe of KAN-MCP depends on it.
    void setLabelScale(const QString &labelScale);
    training::TrainingSettings settings() const;
    void applySettings(const training::TrainingSettings &settings);
    bool startTraining();  // false when one is running
    // Trains with the same settings on a scratch copy of the project (scratch_project.h), so that
    // a look at training (a screenshot) shows live curves yet leaves the project unchanged: no
    // model file, no registration, no modelTrained(). False when one is running or the copy fails
    // (the status then says why).
    bool startRehearsal();
    bool isRehearsal() const { return m_rehearsal; }
    bool isTraining() const { return m_running; }  // until the end was shown and announced
    // The dialog's training on the application's job queue (shown in the Jobs dock too).
    jobs::JobRunner *runner() const { return m_runner; }
    QCustomPlot *curves() const { return m_plot; }
    QString status() const;
    void reject() override;  // Escape / Close: cancels a running job first and waits for it
    ~TrainDialog() override;

signals:
    void modelTrained(qint64 modelId);

private:
    void buildForm();
    void onArchitectureChanged();  // also when the recipe changes
    void onEpoch(const training::EpochReport &report);
    void onFinished(const training::TrainingJobResult &result);
    void setRunning(bool running);
    bool startOn(const QString &projectPath);

    QString m_projectPath;
    qint64 m_parentModelId = 0;
    int m_trainClips = 0;
    QString m_labelScale = QStringLiteral("mosi");
    // What the chosen recipe sets beyond the visible fields (rates per group, schedule, selection).
    training::TrainingSettings m_recipe;
    QComboBox *m_architecture;
    QComboBox *m_recipeBox;
    QLineEdit *m_name;
    QComboBox *m_labels;
    std::array<QCheckBox *, 3> m_targets{};
    QSpinBox *m_epochs;
    QSpinBox *m_batch;
    QDoubleSpinBox *m_learningRate;
    QDoubleSpinBox *m_weightDecay;
    QDoubleSpinBox *m_warmup;
    QSpinBox *m_patience;
    QSpinBox *m_seed;
    QComboBox *m_device;
    QCustomPlot *m_plot;
    QLabel *m_status;
    QPushButton *m_train;
    QPushButton *m_cancel;
    QDialogButtonBox *m_buttons;
    jobs::JobRunner *m_runner;
    bool m_running = false;
    bool m_rehearsal = false;
    std::unique_ptr<QTemporaryDir> m_scratch;  // the rehearsal's copy, removed with the dialog
};

}  // namespace sl::ui
