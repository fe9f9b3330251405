<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/pending_labels.cpp" line="88"/>
        <source>SentiLens</source>
        <translation>SentiLens</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pending_labels.cpp" line="89"/>
        <source>%n label(s) you gave are not saved yet: another program is writing to the project.</source>
        <translation>
            <numerusform>您给出的 %n 个标签尚未保存：另一个程序正在写入项目。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pending_labels.cpp" line="94"/>
        <source>Wait and try again</source>
        <translation>等待并重试</translation>
    </message>
    <message>
        <location filename="../ui/pending_labels.cpp" line="95"/>
        <source>Close without them</source>
        <translation>不保存这些标签并关闭</translation>
    </message>
</context>
<context>
    <name>SetLabelCommand</name>
    <message>
        <location filename="../ui/history_view.cpp" line="17"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/history_view.cpp" line="30"/>
        <source>%1 of %2: %3 → %4</source>
        <translation>片段 %2 的 %1：%3 → %4</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/history_view.cpp" line="32"/>
        <source>%1 of %n clips (%2, …): → %3</source>
        <translation>
            <numerusform>%n 个片段的 %1（%2，…）：→ %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetTranscriptCommand</name>
    <message>
        <location filename="../ui/history_view.cpp" line="25"/>
        <source>Transcript of %1</source>
        <translation>片段 %1 的文本转写</translation>
    </message>
</context>
<context>
    <name>TargetText</name>
    <message>
        <location filename="../ui/target_text.cpp" line="8"/>
        <source>M: the clip as a whole</source>
        <translation>M：片段整体</translation>
    </message>
    <message>
        <location filename="../ui/target_text.cpp" line="9"/>
        <source>T: the words alone</source>
        <translation>T：仅文本</translation>
    </message>
    <message>
        <location filename="../ui/target_text.cpp" line="10"/>
        <source>A: the voice alone</source>
        <translation>A：仅语音</translation>
    </message>
    <message>
        <location filename="../ui/target_text.cpp" line="11"/>
        <source>V: the face alone</source>
        <translation>V：仅面部</translation>
    </message>
</context>
<context>
    <name>sl::plots</name>
    <message>
        <location filename="../ui/plots/dataset_plot.cpp" line="249"/>
        <source>Shapley φ</source>
        <translation>Shapley 值 φ</translation>
    </message>
    <message>
        <location filename="../ui/plots/contribution_plot.cpp" line="125"/>
        <source>Unimodal prediction</source>
        <translation>单模态预测</translation>
    </message>
    <message>
        <location filename="../ui/plots/contribution_plot.cpp" line="126"/>
        <source>Human label</source>
        <translation>人工标注</translation>
    </message>
    <message>
        <location filename="../ui/plots/contribution_plot.cpp" line="82"/>
        <location filename="../ui/plots/contribution_plot.cpp" line="133"/>
        <source>f(none) %1</source>
        <translation>f(无) %1</translation>
    </message>
    <message>
        <location filename="../ui/plots/contribution_plot.cpp" line="87"/>
        <source> = f(all) %1</source>
        <translation> = f(全部) %1</translation>
    </message>
    <message>
        <location filename="../ui/plots/contribution_plot.cpp" line="124"/>
        <source>Shapley φ%1</source>
        <translation>Shapley φ%1</translation>
    </message>
    <message>
        <location filename="../ui/plots/contribution_plot.cpp" line="126"/>
        <source>Human label (%1)</source>
        <translation>人工标签（%1）</translation>
    </message>
    <message>
        <location filename="../ui/plots/contribution_plot.cpp" line="138"/>
        <source>f(all) %1</source>
        <translation>f(全部) %1</translation>
    </message>
    <message>
        <location filename="../ui/plots/contribution_plot.cpp" line="141"/>
        <source>human M %1</source>
        <translation>人工标注 M %1</translation>
    </message>
    <message>
        <location filename="../ui/plots/contribution_plot.cpp" line="142"/>
        <source>human M %1 (%2)</source>
        <translation>人工 M %1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/plots/contribution_plot.cpp" line="163"/>
        <source>sentiment</source>
        <translation>情感</translation>
    </message>
    <message>
        <location filename="../ui/plots/dataset_plot.cpp" line="51"/>
        <source>negative</source>
        <translation>负面</translation>
    </message>
    <message>
        <location filename="../ui/plots/dataset_plot.cpp" line="51"/>
        <source>non-negative</source>
        <translation>非负面</translation>
    </message>
    <message>
        <location filename="../ui/plots/dataset_plot.cpp" line="53"/>
        <source>strong −</source>
        <translation>强 −</translation>
    </message>
    <message>
        <location filename="../ui/plots/dataset_plot.cpp" line="53"/>
        <source>weak −</source>
        <translation>弱 −</translation>
    </message>
    <message>
        <location filename="../ui/plots/dataset_plot.cpp" line="53"/>
        <source>neutral</source>
        <translation>中性</translation>
    </message>
    <message>
        <location filename="../ui/plots/dataset_plot.cpp" line="53"/>
        <source>weak +</source>
        <translation>弱 +</translation>
    </message>
    <message>
        <location filename="../ui/plots/dataset_plot.cpp" line="53"/>
        <source>strong +</source>
        <translation>强 +</translation>
    </message>
    <message>
        <location filename="../ui/plots/dataset_plot.cpp" line="105"/>
        <source>all splits</source>
        <translation>全部划分</translation>
    </message>
    <message>
        <location filename="../ui/plots/dataset_plot.cpp" line="107"/>
        <source>%1: no labelled clips</source>
        <translation>%1：没有已标注的片段</translation>
    </message>
    <message>
        <location filename="../ui/plots/dataset_plot.cpp" line="108"/>
        <source>%1: %2 labelled clips, MAE %3, Acc2 %4%</source>
        <translation>%1：%2 个已标注片段，MAE %3，Acc2 %4%</translation>
    </message>
    <message>
        <location filename="../ui/plots/dataset_plot.cpp" line="111"/>
        <source>, Corr %1</source>
        <translation>，相关系数 %1</translation>
    </message>
    <message>
        <location filename="../ui/plots/dataset_plot.cpp" line="145"/>
        <source>no split</source>
        <translation>无划分</translation>
    </message>
    <message>
        <location filename="../ui/plots/dataset_plot.cpp" line="154"/>
        <source>true M</source>
        <translation>真实 M</translation>
    </message>
    <message>
        <location filename="../ui/plots/dataset_plot.cpp" line="155"/>
        <source>predicted M</source>
        <translation>预测 M</translation>
    </message>
    <message>
        <location filename="../ui/plots/dataset_plot.cpp" line="192"/>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../ui/plots/dataset_plot.cpp" line="220"/>
        <source>predicted</source>
        <translation>预测</translation>
    </message>
    <message>
        <location filename="../ui/plots/dataset_plot.cpp" line="221"/>
        <source>true</source>
        <translation>真实</translation>
    </message>
    <message>
        <location filename="../ui/plots/kan_plot.cpp" line="52"/>
        <source>this clip</source>
        <translation>当前片段</translation>
    </message>
    <message>
        <location filename="../ui/plots/kan_plot.cpp" line="166"/>
        <location filename="../ui/plots/kan_plot.cpp" line="246"/>
        <source>This model has no KAN.</source>
        <translation>此模型没有 KAN。</translation>
    </message>
    <message>
        <location filename="../ui/plots/kan_plot.cpp" line="65"/>
        <source>dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../ui/plots/kan_plot.cpp" line="315"/>
        <source>base</source>
        <translation>基函数</translation>
    </message>
    <message>
        <location filename="../ui/plots/kan_plot.cpp" line="316"/>
        <source>spline</source>
        <translation>样条</translation>
    </message>
    <message>
        <location filename="../ui/plots/kan_plot.cpp" line="317"/>
        <source>φ = base + spline</source>
        <translation>φ = 基函数 + 样条</translation>
    </message>
    <message>
        <location filename="../ui/plots/kan_plot.cpp" line="321"/>
        <source>φ(x)</source>
        <translation>φ(x)</translation>
    </message>
    <message>
        <location filename="../ui/plots/mask_plot.cpp" line="44"/>
        <location filename="../ui/plots/mask_plot.cpp" line="86"/>
        <source>This model has no causal mask.</source>
        <translation>此模型没有因果掩码。</translation>
    </message>
    <message>
        <location filename="../ui/plots/mask_plot.cpp" line="61"/>
        <source>mask</source>
        <translation>掩码</translation>
    </message>
    <message>
        <location filename="../ui/plots/mask_plot.cpp" line="70"/>
        <location filename="../ui/plots/mask_plot.cpp" line="135"/>
        <source>fused dimension</source>
        <translation>融合维度</translation>
    </message>
    <message>
        <location filename="../ui/plots/mask_plot.cpp" line="71"/>
        <source>clip</source>
        <translation>片段</translation>
    </message>
    <message>
        <location filename="../ui/plots/mask_plot.cpp" line="100"/>
        <source>causal (mask)</source>
        <translation>因果（掩码）</translation>
    </message>
    <message>
        <location filename="../ui/plots/mask_plot.cpp" line="105"/>
        <source>shortcut (1 − mask)</source>
        <translation>捷径（1 − 掩码）</translation>
    </message>
    <message>
        <location filename="../ui/plots/plot_export.cpp" line="34"/>
        <source>Cannot write %1: the SVG file could not be opened.</source>
        <translation>无法写入 %1：无法打开 SVG 文件。</translation>
    </message>
    <message>
        <location filename="../ui/plots/plot_export.cpp" line="38"/>
        <source>Cannot write %1: nothing was written.</source>
        <translation>无法写入 %1：未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../ui/plots/plot_export.cpp" line="46"/>
        <source>Cannot write %1: the size %2 x %3 (scale %4) is not positive.</source>
        <translation>无法写入 %1：尺寸 %2 x %3（缩放 %4）不是正数。</translation>
    </message>
    <message>
        <location filename="../ui/plots/plot_export.cpp" line="56"/>
        <source>Cannot write %1: the file must end in .png, .pdf or .svg.</source>
        <translation>无法写入 %1：文件扩展名必须是 .png、.pdf 或 .svg。</translation>
    </message>
    <message>
        <location filename="../ui/plots/plot_export.cpp" line="58"/>
        <source>Cannot write %1: the folder is missing or not writable.</source>
        <translation>无法写入 %1：文件夹不存在或不可写。</translation>
    </message>
    <message>
        <location filename="../ui/plots/plot_export.cpp" line="66"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../ui/plots/plot_export.cpp" line="69"/>
        <location filename="../ui/plots/plot_export.cpp" line="97"/>
        <source>Export plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../ui/plots/plot_export.cpp" line="70"/>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;PDF 文档 (*.pdf);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../ui/plots/plot_export.cpp" line="74"/>
        <source>Export size</source>
        <translation>导出尺寸</translation>
    </message>
    <message>
        <location filename="../ui/plots/plot_export.cpp" line="85"/>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <location filename="../ui/plots/plot_export.cpp" line="86"/>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <location filename="../ui/plots/plot_export.cpp" line="87"/>
        <source>Scale (PNG)</source>
        <translation>缩放（PNG）</translation>
    </message>
    <message>
        <location filename="../ui/plots/plot_files.cpp" line="42"/>
        <source>Cannot create the plot folder %1.</source>
        <translation>无法创建图表文件夹 %1。</translation>
    </message>
    <message>
        <location filename="../ui/plots/plot_files.cpp" line="60"/>
        <source>Contributions: %1</source>
        <translation>贡献：%1</translation>
    </message>
    <message>
        <location filename="../ui/plots/plot_files.cpp" line="62"/>
        <source>Saliency over time: %1</source>
        <translation>随时间变化的显著性：%1</translation>
    </message>
    <message>
        <location filename="../ui/plots/plot_files.cpp" line="65"/>
        <source>KAN edges: %1</source>
        <translation>KAN 边：%1</translation>
    </message>
    <message>
        <location filename="../ui/plots/plot_files.cpp" line="71"/>
        <source>Most important edge</source>
        <translation>最重要的边</translation>
    </message>
    <message>
        <location filename="../ui/plots/plot_files.cpp" line="75"/>
        <source>Causal mask: %1</source>
        <translation>因果掩码：%1</translation>
    </message>
    <message>
        <location filename="../ui/plots/plot_files.cpp" line="84"/>
        <source>Predicted vs true M</source>
        <translation>预测 M 与真实 M</translation>
    </message>
    <message>
        <location filename="../ui/plots/plot_files.cpp" line="86"/>
        <source>Confusion, Acc2</source>
        <translation>混淆矩阵，Acc2</translation>
    </message>
    <message>
        <location filename="../ui/plots/plot_files.cpp" line="89"/>
        <source>Confusion, Acc%1</source>
        <translation>混淆矩阵，Acc%1</translation>
    </message>
    <message>
        <location filename="../ui/plots/plot_files.cpp" line="91"/>
        <source>Shapley contributions per modality</source>
        <translation>各模态的 Shapley 贡献</translation>
    </message>
    <message>
        <location filename="../ui/plots/plot_files.cpp" line="94"/>
        <source>Causal masks, sorted by label</source>
        <translation>因果掩码（按标注排序）</translation>
    </message>
    <message>
        <location filename="../ui/plots/saliency_plot.cpp" line="70"/>
        <source>clip time (s)</source>
        <translation>片段时间（秒）</translation>
    </message>
    <message>
        <location filename="../ui/plots/saliency_plot.cpp" line="71"/>
        <source>attribution per second</source>
        <translation>每秒归因</translation>
    </message>
    <message>
        <location filename="../ui/plots/saliency_plot.cpp" line="71"/>
        <source>attribution per step</source>
        <translation>每步归因</translation>
    </message>
    <message>
        <location filename="../ui/plots/saliency_plot.cpp" line="78"/>
        <source>each step&apos;s attribution ÷ its duration: a curve&apos;s area is its modality&apos;s total</source>
        <translation>每步归因 ÷ 其时长：曲线下面积即该模态的总归因</translation>
    </message>
    <message>
        <location filename="../ui/plots/saliency_plot.cpp" line="79"/>
        <source>step times unknown: attribution of each step, not per second</source>
        <translation>步长时间未知：每步的归因，而非每秒</translation>
    </message>
    <message>
        <location filename="../ui/plots/contribution_plot.cpp" line="137"/>
        <source>f(all) %1, reported %2 (clipped to the scale)</source>
        <translation>f(all) %1，报告值 %2（已裁剪到标注范围）</translation>
    </message>
    <message>
        <location filename="../ui/plots/contribution_plot.cpp" line="63"/>
        <source>⚠ outside the training data (%1): the model extrapolates</source>
        <translation>⚠ 超出训练数据范围（%1）：模型在外推</translation>
    </message>
    <message>
        <location filename="../ui/plots/kan_plot.cpp" line="48"/>
        <source>this clip, outside the spline&apos;s grid</source>
        <translation>此片段，超出样条网格</translation>
    </message>
    <message>
        <location filename="../ui/plots/kan_plot.cpp" line="68"/>
        <source>dataset, outside the spline&apos;s grid</source>
        <translation>数据集，超出样条网格</translation>
    </message>
</context>
<context>
    <name>sl::plots::Splits</name>
    <message>
        <location filename="../ui/plots/split_name.h" line="14"/>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../ui/plots/split_name.h" line="16"/>
        <source>valid</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../ui/plots/split_name.h" line="18"/>
        <source>test</source>
        <translation>测试</translation>
    </message>
</context>
<context>
    <name>sl::present::ContributionBars</name>
    <message>
        <location filename="../ui/present/contribution_bars.cpp" line="43"/>
        <source>Words</source>
        <translation>言语</translation>
    </message>
    <message>
        <location filename="../ui/present/contribution_bars.cpp" line="43"/>
        <source>Voice</source>
        <translation>声音</translation>
    </message>
    <message>
        <location filename="../ui/present/contribution_bars.cpp" line="43"/>
        <source>Face</source>
        <translation>面部</translation>
    </message>
    <message>
        <location filename="../ui/present/contribution_bars.cpp" line="98"/>
        <source>no model predictions for this clip</source>
        <translation>此片段没有模型预测</translation>
    </message>
</context>
<context>
    <name>sl::present::LiveTake</name>
    <message>
        <location filename="../ui/present/live_take.cpp" line="57"/>
        <source>%1: the file to play as a live take is missing</source>
        <translation>%1：找不到要作为现场录制播放的文件</translation>
    </message>
    <message>
        <location filename="../ui/present/live_take.cpp" line="61"/>
        <source>No camera and no microphone found: live takes need both. The demo clips play on.</source>
        <translation>未找到摄像头和麦克风：现场录制需要两者。演示片段继续播放。</translation>
    </message>
    <message>
        <location filename="../ui/present/live_take.cpp" line="63"/>
        <source>No camera found: live takes need one. The demo clips play on.</source>
        <translation>未找到摄像头：现场录制需要摄像头。演示片段继续播放。</translation>
    </message>
    <message>
        <location filename="../ui/present/live_take.cpp" line="65"/>
        <source>No microphone found: live takes need one. The demo clips play on.</source>
        <translation>未找到麦克风：现场录制需要麦克风。演示片段继续播放。</translation>
    </message>
    <message>
        <location filename="../ui/present/live_take.cpp" line="101"/>
        <source>%1: cannot create the folder for takes</source>
        <translation>%1：无法创建存放录制片段的文件夹</translation>
    </message>
    <message>
        <location filename="../ui/present/live_take.cpp" line="111"/>
        <source>%1: cannot copy the take to %2</source>
        <translation>%1：无法将录制片段复制到 %2</translation>
    </message>
    <message>
        <location filename="../ui/present/live_take.cpp" line="152"/>
        <source>Recording failed: %1</source>
        <translation>录制失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/present/live_take.cpp" line="216"/>
        <source>Analyse the live take %1</source>
        <translation>分析现场录制 %1</translation>
    </message>
    <message>
        <location filename="../ui/present/live_take.cpp" line="231"/>
        <source>The analysis of the take was cancelled</source>
        <translation>录制的分析已取消</translation>
    </message>
</context>
<context>
    <name>sl::present::PredictionGauge</name>
    <message>
        <location filename="../ui/present/prediction_gauge.cpp" line="86"/>
        <source>no model</source>
        <translation>无模型</translation>
    </message>
    <message>
        <location filename="../ui/present/prediction_gauge.cpp" line="126"/>
        <source>white tick: the human label, %1</source>
        <translation>白色刻度：人工标注，%1</translation>
    </message>
    <message>
        <location filename="../ui/present/prediction_gauge.cpp" line="118"/>
        <source>⚠ outside the training data (%1)</source>
        <translation>⚠ 超出训练数据范围（%1）</translation>
    </message>
</context>
<context>
    <name>sl::present::PresentationView</name>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="463"/>
        <source>Live take</source>
        <translation>现场录制</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="39"/>
        <source>Words, voice and face agree</source>
        <translation>言语、声音和面部表情一致</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="37"/>
        <source>What does the model make of it?</source>
        <translation>模型怎么看？</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="40"/>
        <source>Words say one thing, voice or face another</source>
        <translation>言语表达一回事，声音或面部表情却是另一回事</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="41"/>
        <source>Voice and face pull apart</source>
        <translation>声音与表情各执一词</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="43"/>
        <source>Live take: %1</source>
        <translation>现场录制：%1</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="48"/>
        <source>Shapley values: each modality&apos;s share of the prediction</source>
        <translation>Shapley 值：各模态在预测中所占的份额</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="49"/>
        <source>Each modality alone: the model&apos;s unimodal predictions</source>
        <translation>各模态单独来看：模型的单模态预测</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="216"/>
        <source>Shapley values unavailable, showing unimodal predictions: %1</source>
        <translation>无法获得 Shapley 值，改为显示单模态预测：%1</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="218"/>
        <source>Model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="117"/>
        <source>Space pause · → next · ← back · E model&apos;s view · R live take · Esc leave</source>
        <translation>Space 暂停 · → 下一个 · ← 上一个 · E 模型视角 · R 现场录制 · Esc 退出</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="38"/>
        <source>Words, voice and face hardly move the model</source>
        <translation>言语、声音和面部几乎没有改变模型的判断</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="134"/>
        <source>The model says</source>
        <translation>模型的判断</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="135"/>
        <source>What each modality adds</source>
        <translation>各模态的贡献</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/present/presentation_view.cpp" line="204"/>
        <source>Shapley values of %n presented clip(s)</source>
        <translation>
            <numerusform>%n 个展示片段的 Shapley 值</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="214"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="253"/>
        <source>The model&apos;s explanations are still being computed</source>
        <translation>模型的解释仍在计算中</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="254"/>
        <source>This model has neither a KAN nor a causal mask: E shows them for KAN-MCP and CaMIB models</source>
        <translation>此模型既没有 KAN，也没有因果掩码：E 键仅对 KAN-MCP 和 CaMIB 模型显示它们</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="266"/>
        <source>KAN: how strongly each modality drives the prediction (E: back)</source>
        <translation>KAN：各模态对预测的驱动强度（E：返回）</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="267"/>
        <source>Causal mask: each modality&apos;s share of what the mask keeps (E: back)</source>
        <translation>因果掩码：掩码保留的部分中各模态所占的份额（E：返回）</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="277"/>
        <source>Starts at f(none), the model with no evidence: %1</source>
        <translation>从 f(无) 开始，即没有任何证据时的模型输出：%1</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="316"/>
        <source>No clips to present</source>
        <translation>没有可演示的片段</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="318"/>
        <source>Train a model and extract features, or open the demo project.</source>
        <translation>请训练模型并提取特征，或打开演示项目。</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="324"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="360"/>
        <source>%1: cannot be played; going on with the next clip</source>
        <translation>%1：无法播放，继续播放下一个片段</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="403"/>
        <source>Paused — Space plays on</source>
        <translation>已暂停 — 按 Space 继续播放</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="416"/>
        <source>Live takes need an open project</source>
        <translation>现场录制需要先打开项目</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="448"/>
        <source>Live take in %1…</source>
        <translation>%1 秒后开始现场录制…</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="449"/>
        <source>Get ready: speak for %1 seconds</source>
        <translation>请准备：接下来请说话 %1 秒</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="453"/>
        <source>● Recording</source>
        <translation>● 正在录制</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="454"/>
        <source>Speak now (%1 s)</source>
        <translation>请开始说话（%1 秒）</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="457"/>
        <source>Analysing the take…</source>
        <translation>正在分析录制片段…</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="458"/>
        <source>Speech recognition, features, prediction</source>
        <translation>语音识别、特征提取、预测</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="477"/>
        <source>K keeps the take in the project · X discards it</source>
        <translation>K 将录制片段保存到项目 · X 丢弃</translation>
    </message>
    <message>
        <location filename="../ui/present/presentation_view.cpp" line="498"/>
        <source>The take is saved in the project for labelling</source>
        <translation>录制片段已保存到项目中，可供标注</translation>
    </message>
</context>
<context>
    <name>sl::ui::AgreementPanel</name>
    <message>
        <location filename="../ui/workbench/agreement_panel.cpp" line="35"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../ui/workbench/agreement_panel.cpp" line="35"/>
        <source>Clips</source>
        <translation>片段</translation>
    </message>
    <message>
        <location filename="../ui/workbench/agreement_panel.cpp" line="35"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../ui/workbench/agreement_panel.cpp" line="35"/>
        <source>α interval</source>
        <translation>α（区间）</translation>
    </message>
    <message>
        <location filename="../ui/workbench/agreement_panel.cpp" line="35"/>
        <source>α ordinal</source>
        <translation>α（序数）</translation>
    </message>
    <message>
        <location filename="../ui/workbench/agreement_panel.cpp" line="35"/>
        <source>ICC(2,1)</source>
        <translation>ICC(2,1)</translation>
    </message>
    <message>
        <location filename="../ui/workbench/agreement_panel.cpp" line="36"/>
        <source>ICC(2,k)</source>
        <translation>ICC(2,k)</translation>
    </message>
    <message>
        <location filename="../ui/workbench/agreement_panel.cpp" line="36"/>
        <source>Fleiss κ</source>
        <translation>Fleiss κ</translation>
    </message>
    <message>
        <location filename="../ui/workbench/agreement_panel.cpp" line="40"/>
        <source>Set adjudicated label</source>
        <translation>设置裁定标签</translation>
    </message>
    <message>
        <location filename="../ui/workbench/agreement_panel.cpp" line="45"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../ui/workbench/agreement_panel.cpp" line="47"/>
        <source>Target:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <location filename="../ui/workbench/agreement_panel.cpp" line="55"/>
        <source>Per target</source>
        <translation>按目标</translation>
    </message>
    <message>
        <location filename="../ui/workbench/agreement_panel.cpp" line="57"/>
        <source>Quadratic-weighted kappa per pair of annotators (chosen target, ordinal classes)</source>
        <translation>每对标注者的二次加权 kappa（所选目标，序数类别）</translation>
    </message>
    <message>
        <location filename="../ui/workbench/agreement_panel.cpp" line="63"/>
        <source>Clips the annotators disagree on most (chosen target), every annotator&apos;s label side by side</source>
        <translation>标注者分歧最大的片段（所选目标），并列显示每位标注者的标签</translation>
    </message>
    <message>
        <location filename="../ui/workbench/agreement_panel.cpp" line="67"/>
        <source>Adjudicated label:</source>
        <translation>裁定标签：</translation>
    </message>
    <message>
        <location filename="../ui/workbench/agreement_panel.cpp" line="75"/>
        <source>Agreement</source>
        <translation>一致性</translation>
    </message>
    <message>
        <location filename="../ui/workbench/agreement_panel.cpp" line="76"/>
        <source>Adjudicate</source>
        <translation>裁定</translation>
    </message>
    <message>
        <location filename="../ui/workbench/agreement_panel.cpp" line="120"/>
        <source>No project open.</source>
        <translation>没有打开的项目。</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/workbench/agreement_panel.cpp" line="126"/>
        <source>Agreement needs labels from at least two annotators; this project has %n.</source>
        <translation>
            <numerusform>一致性至少需要两位标注者的标签；本项目有 %n 位。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/workbench/agreement_panel.cpp" line="129"/>
        <source>Annotators compared: %1</source>
        <translation>比较的标注者：%1</translation>
    </message>
    <message>
        <location filename="../ui/workbench/agreement_panel.cpp" line="181"/>
        <source>Clip</source>
        <translation>片段</translation>
    </message>
    <message>
        <location filename="../ui/workbench/agreement_panel.cpp" line="181"/>
        <source>Range</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../ui/workbench/agreement_panel.cpp" line="181"/>
        <source>Mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <location filename="../ui/workbench/agreement_panel.cpp" line="201"/>
        <source>No clip where the annotators&apos; %1 labels differ.</source>
        <translation>没有标注者的 %1 标签存在分歧的片段。</translation>
    </message>
    <message>
        <location filename="../ui/workbench/agreement_panel.cpp" line="214"/>
        <source>%1 %2: adjudicated label %3%4</source>
        <translation>%1 %2：裁定标签 %3%4</translation>
    </message>
    <message>
        <location filename="../ui/workbench/agreement_panel.cpp" line="217"/>
        <source> (unchanged)</source>
        <translation>（未改变）</translation>
    </message>
</context>
<context>
    <name>sl::ui::ClipBrowser</name>
    <message>
        <location filename="../ui/clip_browser.cpp" line="42"/>
        <source>Not done by me</source>
        <translation>我未完成的</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="43"/>
        <source>Partly done by me</source>
        <translation>我部分完成的</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="44"/>
        <source>Done by me</source>
        <translation>我已完成的</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="141"/>
        <source>Search ids</source>
        <translation>搜索编号</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="210"/>
        <source>%1 / %2 labelled by you</source>
        <translation>你已标注 %1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="29"/>
        <source>All splits</source>
        <translation>全部划分</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="33"/>
        <source>Any target</source>
        <translation>任意标注目标</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="37"/>
        <source>All clips</source>
        <translation>全部片段</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="38"/>
        <source>Unlabelled by me</source>
        <translation>我未标注</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="39"/>
        <source>Labelled by me</source>
        <translation>我已标注</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="40"/>
        <location filename="../ui/clip_browser.cpp" line="160"/>
        <source>Labelled by reference</source>
        <translation>参考标注者已标注</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="41"/>
        <source>Unlabelled by anyone</source>
        <translation>无人标注</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="46"/>
        <source>Only clips that this annotator labelled (for the chosen target)</source>
        <translation>仅显示该标注者已标注的片段（针对所选标注目标）</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="48"/>
        <source>Model disagrees</source>
        <translation>模型预测不一致</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="49"/>
        <source>Only clips where the model&apos;s M differs from the label by at least one unit</source>
        <translation>仅显示模型预测的 M 与标注相差至少一个单位的片段</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="50"/>
        <source>My batch</source>
        <translation>我的批次</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="51"/>
        <source>Only the clips the lead assigned to you</source>
        <translation>只显示负责人分配给您的片段</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="54"/>
        <location filename="../ui/clip_browser.cpp" line="141"/>
        <source>Search ids and transcripts</source>
        <translation>搜索 ID 和文本转写</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="160"/>
        <location filename="../ui/clip_browser.cpp" line="169"/>
        <source>Labelled by %1</source>
        <translation>%1 已标注</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="167"/>
        <source>Any annotator</source>
        <translation>任意标注者</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="208"/>
        <source>%1 of %2 clips</source>
        <translation>%1 / %2 个片段</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="218"/>
        <source>%1 / %2 of your batch labelled</source>
        <translation>您的批次已标注 %1 / %2</translation>
    </message>
</context>
<context>
    <name>sl::ui::ClipTableModel</name>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="77"/>
        <source>Labelled by you</source>
        <translation>你已标注</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="77"/>
        <source>Partly labelled by you</source>
        <translation>你已部分标注</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="78"/>
        <source>Not labelled by you yet</source>
        <translation>你尚未标注</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="277"/>
        <source>Your progress: ● done, ◐ partly, empty: not started</source>
        <translation>你的进度：● 已完成，◐ 部分完成，空白：未开始</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="184"/>
        <source>Your label %1; %2: %3</source>
        <translation>您的标注 %1；%2：%3</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="182"/>
        <source>Not saved yet: another program is writing to the project; saved as soon as it lets go</source>
        <translation>尚未保存：另一个程序正在写入项目；它一释放就会保存</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="186"/>
        <source>Not labelled by you yet; %1: %2</source>
        <translation>您尚未标注；%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="187"/>
        <source>Your label %1</source>
        <translation>您的标注 %1</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="187"/>
        <source>Not labelled</source>
        <translation>未标注</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="282"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="283"/>
        <source>Clip</source>
        <translation>片段</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="284"/>
        <source>Split</source>
        <translation>划分</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="285"/>
        <source>Length (s)</source>
        <translation>时长（秒）</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="290"/>
        <source>Model M</source>
        <translation>模型 M</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="291"/>
        <source>Transcript</source>
        <translation>文本转写</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="200"/>
        <source>Model M %1 on the label scale</source>
        <translation>模型 M：%1（标注范围内）</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="202"/>
        <source> (the model gave %1, clipped)</source>
        <translation>（模型给出 %1，已裁剪）</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="204"/>
        <source>Outside the training data (%1): the model extrapolates; do not trust this prediction</source>
        <translation>超出训练数据范围（%1）：模型在外推，请勿相信此预测</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="207"/>
        <source>No envelope: this model cannot tell clips outside its training data</source>
        <translation>无输入包络：此模型无法识别超出其训练数据的片段</translation>
    </message>
</context>
<context>
    <name>sl::ui::ContributionsView</name>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="51"/>
        <source>%1 split</source>
        <translation>%1 划分</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="81"/>
        <source>Whose label the bars are compared with</source>
        <translation>条形与谁的标签比较</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="82"/>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="147"/>
        <source>yours</source>
        <translation>您的</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="83"/>
        <source>the dataset&apos;s</source>
        <translation>数据集的</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="84"/>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="157"/>
        <source>adjudicated</source>
        <translation>裁定的</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="88"/>
        <source>Human label:</source>
        <translation>人工标签：</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="101"/>
        <source>Select a clip to see which modality pushed its prediction which way.</source>
        <translation>选择一个片段，查看各模态将其预测推向哪个方向。</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="147"/>
        <source>yours: %1</source>
        <translation>您的：%1</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="148"/>
        <source>No annotator is named yet: your first label asks for your name.</source>
        <translation>尚未指定标注者：您的第一个标签会询问您的名字。</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="149"/>
        <source>You (%1) have not labelled this clip yet.</source>
        <translation>您（%1）尚未标注此片段。</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="152"/>
        <source>dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="152"/>
        <source>dataset: %1</source>
        <translation>数据集：%1</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="153"/>
        <source>This project has no dataset labels.</source>
        <translation>本项目没有数据集标签。</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="154"/>
        <source>The dataset (%1) has no label for this clip.</source>
        <translation>数据集（%1）没有此片段的标签。</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="158"/>
        <source>Nobody has adjudicated this clip.</source>
        <translation>尚无人裁定此片段。</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="163"/>
        <source>%1, none for this clip</source>
        <translation>%1，此片段没有</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="168"/>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="172"/>
        <source>Contributions: %1</source>
        <translation>贡献：%1</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="179"/>
        <source>Contributions</source>
        <translation>贡献</translation>
    </message>
</context>
<context>
    <name>sl::ui::DatasetView</name>
    <message>
        <location filename="../ui/explain/dataset_view.cpp" line="29"/>
        <source>The clips the plots show and the accuracy is computed on</source>
        <translation>图中显示并用于计算准确率的片段</translation>
    </message>
    <message>
        <location filename="../ui/explain/dataset_view.cpp" line="35"/>
        <source>Split:</source>
        <translation>划分：</translation>
    </message>
    <message>
        <location filename="../ui/explain/dataset_view.cpp" line="39"/>
        <source>Acc2 (negative / non-negative)</source>
        <translation>Acc2（负面 / 非负面）</translation>
    </message>
    <message>
        <location filename="../ui/explain/dataset_view.cpp" line="40"/>
        <location filename="../ui/explain/dataset_view.cpp" line="130"/>
        <source>Acc7 (-3 … 3)</source>
        <translation>Acc7（-3 … 3）</translation>
    </message>
    <message>
        <location filename="../ui/explain/dataset_view.cpp" line="50"/>
        <location filename="../ui/explain/dataset_view.cpp" line="154"/>
        <source>Predicted vs true</source>
        <translation>预测与真实</translation>
    </message>
    <message>
        <location filename="../ui/explain/dataset_view.cpp" line="51"/>
        <location filename="../ui/explain/dataset_view.cpp" line="155"/>
        <source>Confusion</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <location filename="../ui/explain/dataset_view.cpp" line="52"/>
        <location filename="../ui/explain/dataset_view.cpp" line="156"/>
        <source>Contributions</source>
        <translation>贡献</translation>
    </message>
    <message>
        <location filename="../ui/explain/dataset_view.cpp" line="53"/>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../ui/explain/dataset_view.cpp" line="58"/>
        <source>Click a point to select its clip</source>
        <translation>单击某个点以选择对应的片段</translation>
    </message>
    <message>
        <location filename="../ui/explain/dataset_view.cpp" line="64"/>
        <source>Open a project with a trained model to see the dataset views.</source>
        <translation>打开含有已训练模型的项目以查看数据集视图。</translation>
    </message>
    <message>
        <location filename="../ui/explain/dataset_view.cpp" line="91"/>
        <source>All splits (%1 clips)</source>
        <translation>全部划分（%1 个片段）</translation>
    </message>
    <message>
        <location filename="../ui/explain/dataset_view.cpp" line="99"/>
        <source>%1 (%2 clips)</source>
        <translation>%1（%2 个片段）</translation>
    </message>
    <message>
        <location filename="../ui/explain/dataset_view.cpp" line="119"/>
        <source>clips: %1</source>
        <translation>片段：%1</translation>
    </message>
    <message>
        <location filename="../ui/explain/dataset_view.cpp" line="130"/>
        <source>Acc5 (CH-SIMS classes)</source>
        <translation>Acc5（CH-SIMS 类别）</translation>
    </message>
    <message>
        <location filename="../ui/explain/dataset_view.cpp" line="144"/>
        <source>Predicted vs true M (%1)</source>
        <translation>预测与真实 M（%1）</translation>
    </message>
    <message>
        <location filename="../ui/explain/dataset_view.cpp" line="146"/>
        <source>Shapley contributions per modality</source>
        <translation>各模态的 Shapley 贡献</translation>
    </message>
    <message>
        <location filename="../ui/explain/dataset_view.cpp" line="164"/>
        <source>Confusion of M</source>
        <translation>M 的混淆矩阵</translation>
    </message>
    <message>
        <location filename="../ui/explain/dataset_view.cpp" line="183"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/explain/dataset_view.cpp" line="183"/>
        <source>Split</source>
        <translation>划分</translation>
    </message>
    <message>
        <location filename="../ui/explain/dataset_view.cpp" line="183"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
</context>
<context>
    <name>sl::ui::ExplanationController</name>
    <message>
        <location filename="../ui/explain/explanation_controller.cpp" line="83"/>
        <source>Explain every clip of %1</source>
        <translation>解释 %1 的所有片段</translation>
    </message>
    <message>
        <location filename="../ui/explain/explanation_controller.cpp" line="84"/>
        <source>Explain clip %1</source>
        <translation>解释片段 %1</translation>
    </message>
    <message>
        <location filename="../ui/explain/explanation_controller.cpp" line="102"/>
        <source>The explanation was cancelled</source>
        <translation>解释已取消</translation>
    </message>
</context>
<context>
    <name>sl::ui::HelpOverlay</name>
    <message>
        <location filename="../ui/help_overlay.cpp" line="19"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../ui/help_overlay.cpp" line="23"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../ui/help_overlay.cpp" line="26"/>
        <source>Labelling keys</source>
        <translation>标注按键</translation>
    </message>
    <message>
        <location filename="../ui/help_overlay.cpp" line="27"/>
        <source>0-9 set the size of the current label (1 unit per digit; 0.2 per digit on the CH-SIMS scale), keeping its sign: press - then 2 for -2. + and - step by one unit, Alt with + or - by a fine step, N flips the sign (an empty label stays empty), Delete clears; a digit beyond the scale stops at its end and the status bar says so. Tab and Shift+Tab move between M, T, A and V; each clip starts on the first target (the mode&apos;s in a review mode). With View &gt; Auto-advance a digit moves on to the next target, and the last one to the next clip not done. Every key is one undo step: Ctrl+Z undoes it, Ctrl+Shift+Z or Ctrl+Y redoes it. M is the main label; Ctrl+M mutes.</source>
        <translation>0-9 设置当前标注的强度（每个数字代表 1 个单位；在 CH-SIMS 刻度下每个数字代表 0.2），并保留其正负号：先按 - 再按 2 即为 -2。+ 和 - 按一个单位增减，Alt 加 + 或 - 按微调步长增减，N 翻转正负号（空标注保持为空），Delete 清除；超出刻度的数字停在刻度端点，状态栏会提示。Tab 和 Shift+Tab 在 M、T、A 和 V 之间切换；每个片段从第一个目标开始（审阅模式下为该模式的目标）。开启“视图 &gt; 自动前进”后，数字键会转到下一个目标，最后一个目标则转到下一个未完成的片段。每次按键是一个撤销步骤：Ctrl+Z 撤销，Ctrl+Shift+Z 或 Ctrl+Y 重做。M 是整体标注；Ctrl+M 静音。</translation>
    </message>
    <message>
        <location filename="../ui/help_overlay.cpp" line="34"/>
        <source>Press any key to close this help.</source>
        <translation>按任意键关闭此帮助。</translation>
    </message>
</context>
<context>
    <name>sl::ui::HistoryView</name>
    <message>
        <location filename="../ui/history_view.cpp" line="76"/>
        <source>&lt;project opened&gt;</source>
        <translation>&lt;项目已打开&gt;</translation>
    </message>
</context>
<context>
    <name>sl::ui::ImportDialog</name>
    <message>
        <location filename="../ui/import_dialog.cpp" line="23"/>
        <source>Reading the file</source>
        <translation>正在读取文件</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.cpp" line="24"/>
        <source>Checking every clip</source>
        <translation>正在检查每个片段</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.cpp" line="25"/>
        <source>Writing the project</source>
        <translation>正在写入项目</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.cpp" line="26"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.cpp" line="27"/>
        <source>Generating the demo clips</source>
        <translation>正在生成演示片段</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.cpp" line="87"/>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.cpp" line="88"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.cpp" line="117"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.cpp" line="149"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.cpp" line="149"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.cpp" line="154"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.cpp" line="168"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.cpp" line="169"/>
        <source>Importing %1
into the project %2</source>
        <translation>正在将 %1
导入项目 %2</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.cpp" line="179"/>
        <source>Imported %1 clip(s) and %2 label(s) from %3</source>
        <translation>已从 %3 导入 %1 个片段和 %2 个标签</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.cpp" line="184"/>
        <source>; skipped %1</source>
        <translation>；跳过 %1 个</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.cpp" line="186"/>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.cpp" line="192"/>
        <source>Demo project</source>
        <translation>演示项目</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.cpp" line="193"/>
        <source>Preparing the demo project in %1 (generated the first time, about a minute; opened at once afterwards)</source>
        <translation>正在 %1 中准备演示项目（首次需生成，约一分钟；之后立即打开）</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.cpp" line="203"/>
        <source>Cancelled; the demo project is ready in %1 and opens at once next time</source>
        <translation>已取消；演示项目已在 %1 中备好，下次会立即打开</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.cpp" line="205"/>
        <source>Demo project with %1 clips</source>
        <translation>含 %1 个片段的演示项目</translation>
    </message>
    <message>
        <location filename="../ui/import_dialog.cpp" line="206"/>
        <source>Demo project in %1</source>
        <translation>%1 中的演示项目</translation>
    </message>
</context>
<context>
    <name>sl::ui::JobsPanel</name>
    <message>
        <location filename="../ui/jobs_panel.cpp" line="24"/>
        <source>Feature extraction</source>
        <translation>特征提取</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.cpp" line="25"/>
        <source>Prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.cpp" line="26"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.cpp" line="27"/>
        <source>Explanation</source>
        <translation>解释</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.cpp" line="28"/>
        <source>Waveform</source>
        <translation>波形</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.cpp" line="29"/>
        <source>Live take</source>
        <translation>现场录制</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.cpp" line="30"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.cpp" line="31"/>
        <source>Review queue</source>
        <translation>复查队列</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.cpp" line="39"/>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.cpp" line="40"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.cpp" line="41"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.cpp" line="42"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.cpp" line="43"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.cpp" line="53"/>
        <source>C&amp;lear finished</source>
        <translation>清除已结束(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.cpp" line="55"/>
        <source>Remove the jobs that are done, failed or cancelled from the list</source>
        <translation>从列表中移除已完成、失败或已取消的任务</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.cpp" line="58"/>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.cpp" line="58"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.cpp" line="58"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.cpp" line="58"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.cpp" line="121"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.cpp" line="154"/>
        <source>Stop this job (at its next step)</source>
        <translation>停止此任务（在其下一步）</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.cpp" line="155"/>
        <source>This job cannot stop half-way; it ends on its own</source>
        <translation>此任务无法中途停止；它会自行结束</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.cpp" line="181"/>
        <source>No jobs yet: extraction, training, predictions and explanations show here.</source>
        <translation>尚无任务：提取、训练、预测和解释会显示在这里。</translation>
    </message>
    <message>
        <location filename="../ui/jobs_panel.cpp" line="183"/>
        <source>%1 running, %2 queued, %3 failed</source>
        <translation>%1 个运行中，%2 个排队，%3 个失败</translation>
    </message>
</context>
<context>
    <name>sl::ui::KanView</name>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="221"/>
        <source>Make active</source>
        <translation>设为当前</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="223"/>
        <source>Make this model the project&apos;s active model, so every view explains it</source>
        <translation>将此模型设为项目的当前模型，使每个视图都解释它</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="248"/>
        <source>Each line is an edge: the more important, the thicker and more opaque</source>
        <translation>每条线是一条边：越重要，越粗、越不透明</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="249"/>
        <source>Click an edge to enlarge it</source>
        <translation>单击某条边以放大显示</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="257"/>
        <source>Select a clip to see where it sits on the KAN&apos;s functions.</source>
        <translation>选择一个片段，查看它在 KAN 函数上的位置。</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="264"/>
        <source>KAN network (edges by importance): %1</source>
        <translation>KAN 网络（边按重要性）：%1</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="265"/>
        <source>KAN edges (shaded by importance): %1</source>
        <translation>KAN 边（按重要性着色）：%1</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="270"/>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="291"/>
        <source>KAN edge</source>
        <translation>KAN 边</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="270"/>
        <source>This model has no KAN.</source>
        <translation>此模型没有 KAN。</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="288"/>
        <source>KAN network</source>
        <translation>KAN 网络</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="289"/>
        <source>KAN edges</source>
        <translation>KAN 边</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="309"/>
        <source>The active model has no KAN. This project&apos;s models with one:</source>
        <translation>当前模型没有 KAN。本项目中带 KAN 的模型：</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="318"/>
        <source>Edge %1</source>
        <translation>边 %1</translation>
    </message>
</context>
<context>
    <name>sl::ui::LabelEditor</name>
    <message>
        <location filename="../ui/label_editor.cpp" line="44"/>
        <source>not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <location filename="../ui/label_editor.cpp" line="141"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/label_editor.cpp" line="144"/>
        <source>model: %1</source>
        <translation>模型：%1</translation>
    </message>
</context>
<context>
    <name>sl::ui::LabelSlider</name>
    <message>
        <location filename="../ui/label_slider.cpp" line="15"/>
        <source>Not labelled yet: press a digit or drag</source>
        <translation>尚未标注：按数字键或拖动</translation>
    </message>
</context>
<context>
    <name>sl::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window_start.cpp" line="72"/>
        <source>&amp;New project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_start.cpp" line="73"/>
        <source>Open the &amp;demo project</source>
        <translation>打开演示项目(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/main_window_start.cpp" line="75"/>
        <source>MMSA feature &amp;pickle (.pkl)…</source>
        <translation>MMSA 特征 pickle（.pkl）(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_start.cpp" line="76"/>
        <source>&amp;label.csv…</source>
        <translation>label.csv(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_start.cpp" line="77"/>
        <source>&amp;Dataset folder (label.csv and Raw/)…</source>
        <translation>数据集文件夹（label.csv 和 Raw/）(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_start.cpp" line="78"/>
        <source>Folder of &amp;videos…</source>
        <translation>视频文件夹(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_start.cpp" line="95"/>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <location filename="../ui/main_window_start.cpp" line="101"/>
        <source>This project has no features yet: training, predictions and explanations need them. </source>
        <translation>本项目还没有特征：训练、预测和解释都需要它们。</translation>
    </message>
    <message>
        <location filename="../ui/main_window_start.cpp" line="103"/>
        <source>From a terminal: sentilens-cli extract PROJECT</source>
        <translation>在终端中：sentilens-cli extract PROJECT</translation>
    </message>
    <message>
        <location filename="../ui/main_window_start.cpp" line="114"/>
        <source>&amp;Import into a new project</source>
        <translation>导入到新项目(&amp;I)</translation>
    </message>
    <message>
        <location filename="../ui/main_window_start.cpp" line="178"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/main_window_start.cpp" line="209"/>
        <source>No label was set: labels are kept under your name, and none was given.</source>
        <translation>未设置标签：标签保存在你的名字下，但未给出名字。</translation>
    </message>
    <message>
        <location filename="../ui/main_window_start.cpp" line="248"/>
        <source>Import an MMSA feature pickle</source>
        <translation>导入 MMSA 特征 pickle</translation>
    </message>
    <message>
        <location filename="../ui/main_window_start.cpp" line="248"/>
        <source>MMSA feature pickles (*.pkl)</source>
        <translation>MMSA 特征 pickle (*.pkl)</translation>
    </message>
    <message>
        <location filename="../ui/main_window_start.cpp" line="250"/>
        <source>Import a label.csv</source>
        <translation>导入 label.csv</translation>
    </message>
    <message>
        <location filename="../ui/main_window_start.cpp" line="250"/>
        <source>Label files (*.csv)</source>
        <translation>标签文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/main_window_start.cpp" line="252"/>
        <source>Import a dataset folder (label.csv and Raw/)</source>
        <translation>导入数据集文件夹（label.csv 和 Raw/）</translation>
    </message>
    <message>
        <location filename="../ui/main_window_start.cpp" line="254"/>
        <source>Import a folder of videos</source>
        <translation>导入视频文件夹</translation>
    </message>
    <message>
        <location filename="../ui/main_window_start.cpp" line="257"/>
        <source>Folder of the new project</source>
        <translation>新项目的文件夹</translation>
    </message>
    <message>
        <location filename="../ui/main_window_start.cpp" line="267"/>
        <source>An import is already running</source>
        <translation>已有导入正在进行</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="531"/>
        <source>Browsing (your name is asked at the first label)</source>
        <translation>浏览中（设置第一个标签时会询问你的名字）</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="149"/>
        <source>%1 stops at %2: the scale goes from %3 to %4</source>
        <translation>%1 停在 %2：刻度范围为 %3 到 %4</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="260"/>
        <source>Auto-&amp;play each clip</source>
        <translation>自动播放每个片段(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="263"/>
        <source>Auto-&amp;advance after each digit</source>
        <translation>每个数字后自动前进(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="266"/>
        <source>Label &amp;blind (this project)</source>
        <translation>盲标注（本项目）(&amp;B)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="269"/>
        <source>Hide other annotators&apos; and the model&apos;s labels while labelling</source>
        <translation>标注时隐藏其他标注者和模型的标注</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="763"/>
        <source>No clip further down is waiting for your labels</source>
        <translation>下方没有等待你标注的片段</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="128"/>
        <source>Clips</source>
        <translation>片段</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="129"/>
        <source>Player</source>
        <translation>播放器</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="130"/>
        <source>Transcript</source>
        <translation>文本转写</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="131"/>
        <source>Labels</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="132"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="133"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="166"/>
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="167"/>
        <source>Open SentiLens project</source>
        <translation>打开 SentiLens 项目</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="171"/>
        <source>Open &amp;server project…</source>
        <translation>打开服务器项目(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="176"/>
        <source>&amp;Close project</source>
        <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="177"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="180"/>
        <location filename="../ui/main_window.cpp" line="666"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="183"/>
        <location filename="../ui/main_window.cpp" line="667"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="197"/>
        <source>Set this label on the &amp;selected clips</source>
        <translation>将此标签设置到所选片段(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="199"/>
        <source>&amp;Edit transcript</source>
        <translation>编辑文本转写(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="201"/>
        <source>Set clip &amp;language…</source>
        <translation>设置片段语言(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="202"/>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>键盘快捷键(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="207"/>
        <source>&amp;Next clip</source>
        <translation>下一个片段(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="209"/>
        <source>&amp;Previous clip</source>
        <translation>上一个片段(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="211"/>
        <source>Next &amp;unlabelled clip</source>
        <translation>下一个未标注片段(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="213"/>
        <source>Next &amp;disagreement</source>
        <translation>下一个不一致片段(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="215"/>
        <source>&amp;Back to the clip before</source>
        <translation>返回之前的片段(&amp;B)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="217"/>
        <source>&amp;Search clips</source>
        <translation>搜索片段(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="219"/>
        <source>&amp;Play / pause</source>
        <translation>播放/暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="220"/>
        <source>Frame &amp;forward</source>
        <translation>前进一帧(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="221"/>
        <source>Frame &amp;back</source>
        <translation>后退一帧(&amp;B)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="222"/>
        <source>Seek 1 s forward</source>
        <translation>快进 1 秒</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="223"/>
        <source>Seek 1 s back</source>
        <translation>快退 1 秒</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="224"/>
        <source>Seek 5 s forward</source>
        <translation>快进 5 秒</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="225"/>
        <source>Seek 5 s back</source>
        <translation>快退 5 秒</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="226"/>
        <source>Back to the start</source>
        <translation>回到开头</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="227"/>
        <source>Faster</source>
        <translation>加快播放</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="229"/>
        <source>Slower</source>
        <translation>减慢播放</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="231"/>
        <source>&amp;Loop clip</source>
        <translation>循环播放片段(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="232"/>
        <source>&amp;Mute</source>
        <translation>静音(&amp;M)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="234"/>
        <source>Next target</source>
        <translation>下一个标注目标</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="235"/>
        <source>Previous target</source>
        <translation>上一个标注目标</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="242"/>
        <location filename="../ui/main_window_retranslate.cpp" line="25"/>
        <source>Set label size %1</source>
        <translation>将标注强度设为 %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="248"/>
        <source>Label up one unit</source>
        <translation>标注增加一个单位</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="250"/>
        <source>Label down one unit</source>
        <translation>标注减少一个单位</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="252"/>
        <source>Label up a fine step</source>
        <translation>标注微调增加</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="254"/>
        <source>Label down a fine step</source>
        <translation>标注微调减少</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="256"/>
        <source>Flip the label&apos;s sign</source>
        <translation>翻转标注的正负号</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="258"/>
        <source>Clear the label</source>
        <translation>清除标注</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="273"/>
        <source>Review: &amp;all modalities</source>
        <translation>审阅：全部模态(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="274"/>
        <source>Review: &amp;text only</source>
        <translation>审阅：仅文本(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="275"/>
        <source>Review: a&amp;udio only</source>
        <translation>审阅：仅语音(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="276"/>
        <source>Review: &amp;video only</source>
        <translation>审阅：仅视频(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="289"/>
        <source>E&amp;xtract features</source>
        <translation>提取特征(&amp;X)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="291"/>
        <source>&amp;Predict with the active model</source>
        <translation>用当前模型预测(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="293"/>
        <source>&amp;Cancel the running job</source>
        <translation>取消正在运行的任务(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="294"/>
        <source>&amp;Text encoder…</source>
        <translation>文本编码器(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="298"/>
        <source>&amp;Speech recogniser…</source>
        <translation>语音识别器(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="303"/>
        <source>Keyboard &amp;help</source>
        <translation>键盘帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="305"/>
        <source>&amp;Reset layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="306"/>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="312"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="315"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="321"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="330"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="334"/>
        <source>&amp;Playback</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="340"/>
        <source>&amp;Review</source>
        <translation>审阅(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="343"/>
        <source>&amp;Jobs</source>
        <translation>任务(&amp;J)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="354"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="363"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="365"/>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="365"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="365"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="373"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="376"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="391"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="394"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="424"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/main_window_jobs.cpp" line="36"/>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../ui/main_window_jobs.cpp" line="55"/>
        <source>Extract features of %1</source>
        <translation>提取 %1 的特征</translation>
    </message>
    <message>
        <location filename="../ui/main_window_jobs.cpp" line="65"/>
        <source>%1 of %2 done, %3 failed</source>
        <translation>%2 中 %1 个完成，%3 个失败</translation>
    </message>
    <message>
        <location filename="../ui/main_window_jobs.cpp" line="70"/>
        <source>Features %v/%m, %1 s left</source>
        <translation>特征 %v/%m，剩余 %1 秒</translation>
    </message>
    <message>
        <location filename="../ui/main_window_jobs.cpp" line="71"/>
        <source>Features %v/%m</source>
        <translation>特征 %v/%m</translation>
    </message>
    <message>
        <location filename="../ui/main_window_jobs.cpp" line="73"/>
        <location filename="../ui/main_window_jobs.cpp" line="78"/>
        <source>%1 clip(s) could not be read</source>
        <translation>%1 个片段无法读取</translation>
    </message>
    <message>
        <location filename="../ui/main_window_jobs.cpp" line="86"/>
        <source>Features: %1 extracted, %2 already there, %3 failed%4</source>
        <translation>特征：已提取 %1 个，已存在 %2 个，失败 %3 个%4</translation>
    </message>
    <message>
        <location filename="../ui/main_window_jobs.cpp" line="90"/>
        <source> (cancelled)</source>
        <translation>（已取消）</translation>
    </message>
    <message>
        <location filename="../ui/main_window_jobs.cpp" line="108"/>
        <source>Predict every clip of %1</source>
        <translation>预测 %1 的所有片段</translation>
    </message>
    <message>
        <location filename="../ui/main_window_jobs.cpp" line="125"/>
        <source>Predicted %1 clips with %2</source>
        <translation>已用 %2 预测 %1 个片段</translation>
    </message>
    <message>
        <location filename="../ui/main_window_jobs.cpp" line="146"/>
        <source>Waveform of %1</source>
        <translation>%1 的波形</translation>
    </message>
    <message>
        <location filename="../ui/main_window_start.cpp" line="204"/>
        <source>Who is labelling?</source>
        <translation>谁在标注？</translation>
    </message>
    <message>
        <location filename="../ui/main_window_start.cpp" line="205"/>
        <source>Your name is stored with every label you give (asked only once):</source>
        <translation>您的姓名将随您给出的每条标注一起保存（仅询问一次）：</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="521"/>
        <location filename="../ui/main_window.cpp" line="843"/>
        <source>SentiLens</source>
        <translation>SentiLens</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="522"/>
        <source>No project</source>
        <translation>未打开项目</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="528"/>
        <source>%1 — SentiLens</source>
        <translation>%1 — SentiLens</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="529"/>
        <source>Project: %1 (%2)</source>
        <translation>项目：%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="530"/>
        <source>Annotator: %1</source>
        <translation>标注者：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="532"/>
        <source>All labels saved</source>
        <translation>所有标注均已保存</translation>
    </message>
    <message>
        <location filename="../ui/main_window_jobs.cpp" line="98"/>
        <source>Extracting features in the background…</source>
        <translation>正在后台提取特征…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_jobs.cpp" line="131"/>
        <source>Predicting…</source>
        <translation>正在预测…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="666"/>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="667"/>
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="678"/>
        <source>%1 set on %n clip(s)</source>
        <translation>
            <numerusform>已在 %n 个片段上设置 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="692"/>
        <source>%1 of %2 waits to be saved</source>
        <translation>%2 的 %1 等待保存</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="693"/>
        <source>Saved %1 of %2</source>
        <translation>已保存片段 %2 的 %1 标注</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="777"/>
        <source>No further clip where the model and the label disagree</source>
        <translation>后面已没有模型预测与标注不一致的片段</translation>
    </message>
    <message>
        <location filename="../ui/main_window_explain.cpp" line="57"/>
        <source>Contributions</source>
        <translation>贡献</translation>
    </message>
    <message>
        <location filename="../ui/main_window_explain.cpp" line="58"/>
        <source>Saliency over time</source>
        <translation>随时间变化的显著性</translation>
    </message>
    <message>
        <location filename="../ui/main_window_explain.cpp" line="59"/>
        <source>KAN functions</source>
        <translation>KAN 函数</translation>
    </message>
    <message>
        <location filename="../ui/main_window_explain.cpp" line="60"/>
        <source>Causal mask</source>
        <translation>因果掩码</translation>
    </message>
    <message>
        <location filename="../ui/main_window_explain.cpp" line="61"/>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../ui/main_window_explain.cpp" line="83"/>
        <source>Explaining the active model&apos;s predictions…</source>
        <translation>正在解释当前模型的预测…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_explain.cpp" line="88"/>
        <location filename="../ui/main_window_workbench.cpp" line="53"/>
        <source>That clip is hidden by the clip list&apos;s filters</source>
        <translation>该片段被片段列表的筛选条件隐藏了</translation>
    </message>
    <message>
        <location filename="../ui/main_window_explain.cpp" line="122"/>
        <source>Open a project with a trained model to see its explanations.</source>
        <translation>打开含有已训练模型的项目以查看其解释。</translation>
    </message>
    <message>
        <location filename="../ui/main_window_explain.cpp" line="123"/>
        <source>Explaining the active model…</source>
        <translation>正在解释当前模型…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_presentation.cpp" line="34"/>
        <source>Open a project first: the presentation shows its clips.</source>
        <translation>请先打开项目：演示模式展示的是项目中的片段。</translation>
    </message>
    <message>
        <location filename="../ui/main_window_presentation.cpp" line="64"/>
        <source>%1 — SentiLens presentation</source>
        <translation>%1 — SentiLens 演示</translation>
    </message>
    <message>
        <location filename="../ui/main_window_workbench.cpp" line="43"/>
        <source>Models</source>
        <translation>模型库</translation>
    </message>
    <message>
        <location filename="../ui/main_window_workbench.cpp" line="44"/>
        <source>Review queue</source>
        <translation>复查队列</translation>
    </message>
    <message>
        <location filename="../ui/main_window_workbench.cpp" line="46"/>
        <source>Agreement</source>
        <translation>一致性</translation>
    </message>
    <message>
        <location filename="../ui/main_window_workbench.cpp" line="61"/>
        <source>&amp;Train model…</source>
        <translation>训练模型(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window_workbench.cpp" line="72"/>
        <source>Your batch could not be read: %1</source>
        <translation>无法读取您的批次：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_workbench.cpp" line="92"/>
        <source>Open a project first: a model trains on its features and labels.</source>
        <translation>请先打开项目：模型使用项目中的特征和标注进行训练。</translation>
    </message>
    <message>
        <location filename="../ui/main_window_workbench.cpp" line="106"/>
        <source>Model %1 trained and made active</source>
        <translation>模型 %1 已训练完成并设为当前模型</translation>
    </message>
    <message>
        <location filename="../ui/main_window_workbench.cpp" line="172"/>
        <source>The project could not be read after the model changed: %1</source>
        <translation>模型更改后无法读取项目：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window_language.cpp" line="26"/>
        <source>Open a project first.</source>
        <translation>请先打开一个项目。</translation>
    </message>
    <message>
        <location filename="../ui/main_window_language.cpp" line="30"/>
        <source>Set clip language</source>
        <translation>设置片段语言</translation>
    </message>
    <message>
        <location filename="../ui/main_window_language.cpp" line="37"/>
        <source>This clip (%1)</source>
        <translation>此片段（%1）</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window_language.cpp" line="38"/>
        <source>Every clip the list shows (%n)</source>
        <translation>
            <numerusform>列表显示的所有片段（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/main_window_language.cpp" line="46"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window_language.cpp" line="70"/>
        <source>%n clip(s) set to %1</source>
        <translation>
            <numerusform>%n 个片段已设为 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/main_window_language.cpp" line="71"/>
        <source>unknown language</source>
        <translation>未知语言</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window_language.cpp" line="73"/>
        <source>; %n recognised transcript(s) in another language cleared: extract again, or add transcripts</source>
        <translation>
            <numerusform>；已清除 %n 个其他语言的识别文本：请重新提取，或添加文本</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sl::ui::MaskView</name>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="326"/>
        <source>Project order</source>
        <translation>项目顺序</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="327"/>
        <source>Sorted by label</source>
        <translation>按标注排序</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="328"/>
        <source>Sorted by prediction</source>
        <translation>按预测排序</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="331"/>
        <source>Clips:</source>
        <translation>片段：</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="343"/>
        <source>Select a clip to see the fused dimensions its causal mask kept.</source>
        <translation>选择一个片段，查看其因果掩码保留的融合维度。</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="348"/>
        <source>Causal mask: %1</source>
        <translation>因果掩码：%1</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="351"/>
        <source>Causal mask</source>
        <translation>因果掩码</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="364"/>
        <source>Causal masks of the dataset</source>
        <translation>数据集的因果掩码</translation>
    </message>
</context>
<context>
    <name>sl::ui::ModelPanel</name>
    <message>
        <location filename="../ui/model_panel.cpp" line="25"/>
        <source>No active model in this project. Predictions appear here once a model is trained or imported.</source>
        <translation>此项目中没有启用的模型。训练或导入模型后，模型预测将显示在这里。</translation>
    </message>
    <message>
        <location filename="../ui/model_panel.cpp" line="30"/>
        <source>Select a clip to see the model&apos;s predictions.</source>
        <translation>选择一个片段以查看模型预测。</translation>
    </message>
    <message>
        <location filename="../ui/model_panel.cpp" line="36"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../ui/model_panel.cpp" line="43"/>
        <source>Model predictions</source>
        <translation>模型预测</translation>
    </message>
    <message>
        <location filename="../ui/model_panel.cpp" line="40"/>
        <source>M as the model gave it: %1 (clipped to the label scale)</source>
        <translation>模型原始 M：%1（已裁剪到标注范围）</translation>
    </message>
    <message>
        <location filename="../ui/model_panel.cpp" line="42"/>
        <source>⚠ Outside the training data (%1): the model extrapolates</source>
        <translation>⚠ 超出训练数据范围（%1）：模型在外推</translation>
    </message>
</context>
<context>
    <name>sl::ui::ModelRegistryPanel</name>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="34"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="35"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="43"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="43"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="43"/>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="43"/>
        <source>Labels</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="43"/>
        <source>Parent</source>
        <translation>父模型</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="43"/>
        <source>Test MAE</source>
        <translation>测试 MAE</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="43"/>
        <source>Test Corr</source>
        <translation>测试 Corr</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="44"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="46"/>
        <source>Set &amp;active</source>
        <translation>设为当前模型(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="47"/>
        <source>Compare with active</source>
        <translation>与当前模型比较</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="81"/>
        <source>Com&amp;pare</source>
        <translation>比较(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="82"/>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="84"/>
        <source>Split</source>
        <translation>划分</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="82"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="82"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="82"/>
        <source>First</source>
        <translation>第一个</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="82"/>
        <source>Second</source>
        <translation>第二个</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="82"/>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="84"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="84"/>
        <source>Clip</source>
        <translation>片段</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="84"/>
        <source>First M</source>
        <translation>第一个 M</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="84"/>
        <source>Second M</source>
        <translation>第二个 M</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="86"/>
        <source>Clips whose prediction changed most; click one to open it</source>
        <translation>预测变化最大的片段；单击可打开该片段</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="97"/>
        <source>vs</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="133"/>
        <source>%1 (active)</source>
        <translation>%1（当前）</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="189"/>
        <source>No model selected. Jobs &gt; Train model… trains one.</source>
        <translation>未选择模型。可通过“任务 &gt; 训练模型…”训练一个模型。</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="195"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2), file %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;（%2），文件 %3</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="196"/>
        <source>Labels: %1, hash %2; %3 training and %4 validation clips</source>
        <translation>标注：%1，哈希 %2；训练片段 %3 个，验证片段 %4 个</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="197"/>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="202"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="200"/>
        <source>Parent model: %1; targets: %2</source>
        <translation>父模型：%1；目标：%2</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="201"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/workbench/model_registry_panel.cpp" line="204"/>
        <source>Features: %1</source>
        <translation>特征：%1</translation>
    </message>
</context>
<context>
    <name>sl::ui::NewProjectDialog</name>
    <message>
        <location filename="../ui/new_project_dialog.cpp" line="28"/>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location filename="../ui/new_project_dialog.cpp" line="31"/>
        <source>SQLite file in a folder (this machine)</source>
        <translation>文件夹中的 SQLite 文件（本机）</translation>
    </message>
    <message>
        <location filename="../ui/new_project_dialog.cpp" line="32"/>
        <source>PostgreSQL server (a team shares it)</source>
        <translation>PostgreSQL 服务器（团队共享）</translation>
    </message>
    <message>
        <location filename="../ui/new_project_dialog.cpp" line="37"/>
        <source>A new or empty folder</source>
        <translation>新的或空的文件夹</translation>
    </message>
    <message>
        <location filename="../ui/new_project_dialog.cpp" line="38"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/new_project_dialog.cpp" line="42"/>
        <source>Folder of the new project</source>
        <translation>新项目的文件夹</translation>
    </message>
    <message>
        <location filename="../ui/new_project_dialog.cpp" line="58"/>
        <source>The database must exist and be empty (CREATE DATABASE name TEMPLATE template0 LOCALE &apos;C&apos;). Media paths are stored relative to the media root; each other machine sets its own with File &gt; Open server project.</source>
        <translation>数据库必须已存在且为空（CREATE DATABASE name TEMPLATE template0 LOCALE &apos;C&apos;）。媒体路径相对于媒体根目录存储；其他每台机器用 文件 &gt; 打开服务器项目 设置自己的根目录。</translation>
    </message>
    <message>
        <location filename="../ui/new_project_dialog.cpp" line="73"/>
        <location filename="../ui/new_project_dialog.cpp" line="79"/>
        <source>The folder&apos;s name</source>
        <translation>文件夹的名称</translation>
    </message>
    <message>
        <location filename="../ui/new_project_dialog.cpp" line="73"/>
        <source>The database&apos;s name</source>
        <translation>数据库的名称</translation>
    </message>
    <message>
        <location filename="../ui/new_project_dialog.cpp" line="90"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../ui/new_project_dialog.cpp" line="160"/>
        <source> Open it with File &gt; Open server project.</source>
        <translation> 用 文件 &gt; 打开服务器项目 打开它。</translation>
    </message>
    <message>
        <location filename="../ui/new_project_dialog.cpp" line="51"/>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location filename="../ui/new_project_dialog.cpp" line="95"/>
        <source>Store in:</source>
        <translation>存储于：</translation>
    </message>
    <message>
        <location filename="../ui/new_project_dialog.cpp" line="97"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../ui/new_project_dialog.cpp" line="98"/>
        <source>Label scale:</source>
        <translation>标签刻度：</translation>
    </message>
    <message>
        <location filename="../ui/new_project_dialog.cpp" line="145"/>
        <source>Choose a folder for the project.</source>
        <translation>请为项目选择一个文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/new_project_dialog.cpp" line="147"/>
        <source>%1 already holds a project: open it with File &gt; Open project.</source>
        <translation>%1 中已有项目：请用“文件 &gt; 打开项目”打开它。</translation>
    </message>
</context>
<context>
    <name>sl::ui::OpenServerDialog</name>
    <message>
        <location filename="../ui/open_server_dialog.cpp" line="18"/>
        <source>Open server project</source>
        <translation>打开服务器项目</translation>
    </message>
    <message>
        <location filename="../ui/open_server_dialog.cpp" line="26"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>sl::ui::PendingLabelsView</name>
    <message>
        <location filename="../ui/pending_labels.cpp" line="60"/>
        <source>All waiting labels are saved</source>
        <translation>所有等待的标签均已保存</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pending_labels.cpp" line="63"/>
        <source>%n label(s) not saved yet</source>
        <translation>
            <numerusform>%n 个标签尚未保存</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/pending_labels.cpp" line="64"/>
        <source>Another program is writing to the project; the labels are saved as soon as it lets go.
%1</source>
        <translation>另一个程序正在写入项目；它一释放，标签就会保存。
%1</translation>
    </message>
    <message>
        <location filename="../ui/pending_labels.cpp" line="69"/>
        <source>The project is locked by another program: your labels are kept and saved as soon as it lets go</source>
        <translation>项目被另一个程序锁定：您的标签会被保留，并在它释放后立即保存</translation>
    </message>
</context>
<context>
    <name>sl::ui::PlayerControls</name>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="38"/>
        <source>Previous frame</source>
        <translation>上一帧</translation>
    </message>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="39"/>
        <location filename="../ui/player/player_controls.cpp" line="121"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="40"/>
        <source>Next frame</source>
        <translation>下一帧</translation>
    </message>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="43"/>
        <source>Position in the clip</source>
        <translation>片段内的播放位置</translation>
    </message>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="48"/>
        <source>Playback speed</source>
        <translation>播放速度</translation>
    </message>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="50"/>
        <location filename="../ui/player/player_controls.cpp" line="153"/>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="52"/>
        <source>Loop the clip</source>
        <translation>循环播放片段</translation>
    </message>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="55"/>
        <location filename="../ui/player/player_controls.cpp" line="204"/>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="121"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="177"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="179"/>
        <source>No sound output device was found; the clip plays without sound.</source>
        <translation>未找到音频输出设备；片段将无声播放。</translation>
    </message>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="181"/>
        <source>Sound is off in this review mode.</source>
        <translation>此审阅模式下声音已关闭。</translation>
    </message>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="196"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="204"/>
        <source>Unmute</source>
        <translation>取消静音</translation>
    </message>
</context>
<context>
    <name>sl::ui::PlayerWidget</name>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="93"/>
        <source>Cannot play the clip “%1”: %2</source>
        <translation>无法播放片段“%1”：%2</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="138"/>
        <source>The clip file “%1” does not exist.</source>
        <translation>片段文件“%1”不存在。</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="296"/>
        <source>Video and sound are hidden for text-only review.</source>
        <translation>仅文本审阅模式下隐藏视频和声音。</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="298"/>
        <source>Video is hidden for audio-only review.</source>
        <translation>仅语音审阅模式下隐藏视频画面。</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="300"/>
        <source>This clip has no media: it was imported as features and labels only. Put MMSA&apos;s Raw/ folder beside the feature file before importing to play it.</source>
        <translation>此片段没有媒体：它仅作为特征和标签导入。导入前把 MMSA 的 Raw/ 文件夹放在特征文件旁边即可播放。</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="303"/>
        <source>No clip selected.</source>
        <translation>未选择片段。</translation>
    </message>
</context>
<context>
    <name>sl::ui::ReviewQueuePanel</name>
    <message>
        <location filename="../ui/workbench/review_queue_panel.cpp" line="21"/>
        <source>&amp;Rebuild</source>
        <translation>重新生成(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/workbench/review_queue_panel.cpp" line="22"/>
        <source>Rank the clips again with the active model and the current labels</source>
        <translation>使用当前模型和现有标注重新为片段排序</translation>
    </message>
    <message>
        <location filename="../ui/workbench/review_queue_panel.cpp" line="23"/>
        <location filename="../ui/workbench/review_queue_panel.cpp" line="25"/>
        <source>Clip</source>
        <translation>片段</translation>
    </message>
    <message>
        <location filename="../ui/workbench/review_queue_panel.cpp" line="23"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../ui/workbench/review_queue_panel.cpp" line="23"/>
        <source>Prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <location filename="../ui/workbench/review_queue_panel.cpp" line="23"/>
        <source>Label</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../ui/workbench/review_queue_panel.cpp" line="23"/>
        <source>Distance</source>
        <translation>差距</translation>
    </message>
    <message>
        <location filename="../ui/workbench/review_queue_panel.cpp" line="25"/>
        <source>Spread of M</source>
        <translation>M 的离散度</translation>
    </message>
    <message>
        <location filename="../ui/workbench/review_queue_panel.cpp" line="28"/>
        <source>Disagree with labels</source>
        <translation>与标注不一致</translation>
    </message>
    <message>
        <location filename="../ui/workbench/review_queue_panel.cpp" line="29"/>
        <source>Least certain</source>
        <translation>最不确定</translation>
    </message>
    <message>
        <location filename="../ui/workbench/review_queue_panel.cpp" line="60"/>
        <source>Rebuild ranks the clips with the active model.</source>
        <translation>“重新生成”会使用当前模型为片段排序。</translation>
    </message>
    <message>
        <location filename="../ui/workbench/review_queue_panel.cpp" line="73"/>
        <source>Ranking clips…</source>
        <translation>正在为片段排序…</translation>
    </message>
    <message>
        <location filename="../ui/workbench/review_queue_panel.cpp" line="76"/>
        <source>Review queue of %1</source>
        <translation>%1 的复查队列</translation>
    </message>
    <message>
        <location filename="../ui/workbench/review_queue_panel.cpp" line="92"/>
        <source>Cancelled; Rebuild ranks the clips again.</source>
        <translation>已取消；“重建”会重新排列片段。</translation>
    </message>
    <message>
        <location filename="../ui/workbench/review_queue_panel.cpp" line="112"/>
        <source>Model %1 · %2: %3 clips disagree with their labels, %4 vary when sampled</source>
        <translation>模型 %1 · %2：%3 个片段与其标注不一致，%4 个片段在采样时结果有波动</translation>
    </message>
    <message>
        <location filename="../ui/workbench/review_queue_panel.cpp" line="132"/>
        <source>This model is deterministic (no sampled bottleneck): it gives no spread</source>
        <translation>此模型是确定性的（没有采样瓶颈）：不产生离散度</translation>
    </message>
</context>
<context>
    <name>sl::ui::SaliencyView</name>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="187"/>
        <source>Words of the transcript: green pushed the prediction up, red down; the stronger, the more.</source>
        <translation>文本转写中的词语：绿色表示推高了预测，红色表示拉低了预测；颜色越深，作用越大。</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="191"/>
        <source>Select a clip to see when its evidence appeared.</source>
        <translation>选择一个片段，查看其依据出现的时间。</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="199"/>
        <source>completeness error %1%, %2 steps</source>
        <translation>完整性误差 %1%，%2 步</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="200"/>
        <source>UNRELIABLE: attributions miss f(x) - f(baseline) by %1% after %2 steps</source>
        <translation>不可靠：%2 步后归因与 f(x) - f(基线) 相差 %1%</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="201"/>
        <source>Saliency over time: %1 (%2)</source>
        <translation>随时间的显著性：%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/explain/clip_explanation_views.cpp" line="207"/>
        <source>Saliency over time</source>
        <translation>随时间变化的显著性</translation>
    </message>
</context>
<context>
    <name>sl::ui::ServerLocationFields</name>
    <message>
        <location filename="../ui/server_location_fields.cpp" line="24"/>
        <source>Where this machine mounts the project&apos;s media</source>
        <translation>本机挂载项目媒体的位置</translation>
    </message>
    <message>
        <location filename="../ui/server_location_fields.cpp" line="37"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/server_location_fields.cpp" line="39"/>
        <source>Media root of the shared project</source>
        <translation>共享项目的媒体根目录</translation>
    </message>
    <message>
        <location filename="../ui/server_location_fields.cpp" line="49"/>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <location filename="../ui/server_location_fields.cpp" line="50"/>
        <source>Media root:</source>
        <translation>媒体根目录：</translation>
    </message>
    <message>
        <location filename="../ui/server_location_fields.cpp" line="60"/>
        <source>Enter the server&apos;s address, for example postgresql://ana@db.lab.example/corpus.</source>
        <translation>请输入服务器地址，例如 postgresql://ana@db.lab.example/corpus。</translation>
    </message>
    <message>
        <location filename="../ui/server_location_fields.cpp" line="62"/>
        <source>%1 is not a server address: it starts with postgresql://</source>
        <translation>%1 不是服务器地址：它应以 postgresql:// 开头</translation>
    </message>
    <message>
        <location filename="../ui/server_location_fields.cpp" line="69"/>
        <source>Choose the media root: the folder where this machine keeps the shared project&apos;s media.</source>
        <translation>请选择媒体根目录：本机存放共享项目媒体的文件夹。</translation>
    </message>
    <message>
        <location filename="../ui/server_location_fields.cpp" line="71"/>
        <source>The media root %1 is not a folder on this machine.</source>
        <translation>媒体根目录 %1 不是本机上的文件夹。</translation>
    </message>
</context>
<context>
    <name>sl::ui::ShortcutDialog</name>
    <message>
        <location filename="../ui/shortcut_dialog.cpp" line="17"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../ui/shortcut_dialog.cpp" line="20"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../ui/shortcut_dialog.cpp" line="20"/>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../ui/shortcut_dialog.cpp" line="52"/>
        <source>Shortcut in use</source>
        <translation>快捷键已被占用</translation>
    </message>
    <message>
        <location filename="../ui/shortcut_dialog.cpp" line="53"/>
        <source>%1 is already used by &quot;%2&quot;.</source>
        <translation>%1 已被“%2”使用。</translation>
    </message>
</context>
<context>
    <name>sl::ui::SpeechModelDialog</name>
    <message>
        <location filename="../ui/speech_model_dialog.cpp" line="25"/>
        <source>Speech recogniser</source>
        <translation>语音识别器</translation>
    </message>
    <message>
        <location filename="../ui/speech_model_dialog.cpp" line="21"/>
        <source>PocketSphinx, built in: English only</source>
        <translation>PocketSphinx(内置):仅限英语</translation>
    </message>
    <message>
        <location filename="../ui/speech_model_dialog.cpp" line="22"/>
        <source>Whisper with a model file: English, Mandarin and the other languages of the model</source>
        <translation>Whisper(需要模型文件):英语、普通话及模型支持的其他语言</translation>
    </message>
    <message>
        <location filename="../ui/speech_model_dialog.cpp" line="23"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/speech_model_dialog.cpp" line="28"/>
        <source>ggml-base.bin</source>
        <translation>ggml-base.bin</translation>
    </message>
    <message>
        <location filename="../ui/speech_model_dialog.cpp" line="33"/>
        <source>Clips without a transcript from the dataset or a subtitle file beside them are transcribed by speech recognition at the next extraction, only in a language the recogniser knows. Whisper models are the ggml-*.bin files of the whisper.cpp project (ggml-base.bin, 142 MB, is a good start; ggml-small.bin, 466 MB, is more accurate).</source>
        <translation>既没有数据集文本、旁边也没有字幕文件的片段,会在下一次提取时由语音识别转写,且仅限识别器支持的语言。Whisper 模型是 whisper.cpp 项目的 ggml-*.bin 文件(ggml-base.bin 为 142 MB,适合起步;ggml-small.bin 为 466 MB,更准确)。</translation>
    </message>
    <message>
        <location filename="../ui/speech_model_dialog.cpp" line="44"/>
        <source>Whisper model</source>
        <translation>Whisper 模型</translation>
    </message>
    <message>
        <location filename="../ui/speech_model_dialog.cpp" line="45"/>
        <source>whisper.cpp models (*.bin);;All files (*)</source>
        <translation>whisper.cpp 模型 (*.bin);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/speech_model_dialog.cpp" line="66"/>
        <source>This SentiLens was built without whisper.cpp.</source>
        <translation>此 SentiLens 构建时未包含 whisper.cpp。</translation>
    </message>
    <message>
        <location filename="../ui/speech_model_dialog.cpp" line="100"/>
        <source>Choose the Whisper model file.</source>
        <translation>请选择 Whisper 模型文件。</translation>
    </message>
</context>
<context>
    <name>sl::ui::StartPage</name>
    <message>
        <location filename="../ui/start_page.cpp" line="22"/>
        <source>&lt;h1&gt;SentiLens&lt;/h1&gt;&lt;p&gt;Label, train and explain multimodal sentiment: open a project, or make one from your data.&lt;/p&gt;</source>
        <translation>&lt;h1&gt;SentiLens&lt;/h1&gt;&lt;p&gt;标注、训练并解释多模态情感：打开一个项目，或用你的数据新建一个。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="36"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="38"/>
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="38"/>
        <source>A folder with a project.sqlite</source>
        <translation>含有 project.sqlite 的文件夹</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="40"/>
        <source>Open the demo project</source>
        <translation>打开演示项目</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="41"/>
        <source>90 generated clips with known text, voice and face sentiment (made once, then reused)</source>
        <translation>90 个生成的片段，文本、语音和面部情感已知（只生成一次，之后重复使用）</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="43"/>
        <source>New project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="43"/>
        <source>An empty project in a folder of your choice</source>
        <translation>在你选择的文件夹中新建空项目</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="46"/>
        <source>Import into a new project</source>
        <translation>导入到新项目</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="50"/>
        <source>MMSA feature pickle (.pkl)…</source>
        <translation>MMSA 特征 pickle（.pkl）…</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="51"/>
        <source>label.csv…</source>
        <translation>label.csv…</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="52"/>
        <source>Dataset folder (label.csv and Raw/)…</source>
        <translation>数据集文件夹（label.csv 和 Raw/）…</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="53"/>
        <source>Folder of videos…</source>
        <translation>视频文件夹…</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="55"/>
        <source>aligned_50.pkl, unaligned_50.pkl, CH-SIMS unaligned_39.pkl, MMSA-FET feature files</source>
        <translation>aligned_50.pkl、unaligned_50.pkl、CH-SIMS unaligned_39.pkl、MMSA-FET 特征文件</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="56"/>
        <source>MMSA&apos;s label.csv; the clips are looked for in Raw/ beside it</source>
        <translation>MMSA 的 label.csv；片段在其旁边的 Raw/ 中查找</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="57"/>
        <source>An MMSA dataset: label.csv and Raw/&lt;video_id&gt;/&lt;clip_id&gt;.mp4</source>
        <translation>MMSA 数据集：label.csv 和 Raw/&lt;video_id&gt;/&lt;clip_id&gt;.mp4</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="58"/>
        <source>Video files, each with an optional .srt, .vtt or .txt transcript beside it</source>
        <translation>视频文件，旁边可各有一个 .srt、.vtt 或 .txt 转写</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="65"/>
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <location filename="../ui/start_page.cpp" line="112"/>
        <source>No project opened yet</source>
        <translation>尚未打开过项目</translation>
    </message>
</context>
<context>
    <name>sl::ui::TextEncoderDialog</name>
    <message>
        <location filename="../ui/text_encoder_dialog.cpp" line="20"/>
        <source>Built-in text features only</source>
        <translation>仅使用内置文本特征</translation>
    </message>
    <message>
        <location filename="../ui/text_encoder_dialog.cpp" line="21"/>
        <source>Add the embeddings of a TorchScript encoder</source>
        <translation>加入 TorchScript 编码器的嵌入</translation>
    </message>
    <message>
        <location filename="../ui/text_encoder_dialog.cpp" line="22"/>
        <source>Cased vocabulary (keep upper case)</source>
        <translation>区分大小写的词表（保留大写）</translation>
    </message>
    <message>
        <location filename="../ui/text_encoder_dialog.cpp" line="25"/>
        <source>Text encoder</source>
        <translation>文本编码器</translation>
    </message>
    <message>
        <location filename="../ui/text_encoder_dialog.cpp" line="33"/>
        <source>Text features are lexical (sentiment lexicon, negation, intensity) and, when an encoder is chosen, also its token embeddings, e.g. a BERT model traced with torch.jit.trace and its vocab.txt. The next extraction uses the choice.</source>
        <translation>文本特征包括词汇特征（情感词典、否定、强度）；选择编码器后，还包括该编码器的词元嵌入，例如用 torch.jit.trace 导出的 BERT 模型及其 vocab.txt。下次提取特征时将使用此设置。</translation>
    </message>
    <message>
        <location filename="../ui/text_encoder_dialog.cpp" line="41"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/text_encoder_dialog.cpp" line="48"/>
        <source>Model (.pt):</source>
        <translation>模型（.pt）：</translation>
    </message>
    <message>
        <location filename="../ui/text_encoder_dialog.cpp" line="48"/>
        <source>TorchScript encoder</source>
        <translation>TorchScript 编码器</translation>
    </message>
    <message>
        <location filename="../ui/text_encoder_dialog.cpp" line="48"/>
        <source>TorchScript (*.pt *.pth);;All files (*)</source>
        <translation>TorchScript (*.pt *.pth);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/text_encoder_dialog.cpp" line="49"/>
        <source>Vocabulary:</source>
        <translation>词表：</translation>
    </message>
    <message>
        <location filename="../ui/text_encoder_dialog.cpp" line="49"/>
        <source>WordPiece vocabulary</source>
        <translation>WordPiece 词表</translation>
    </message>
    <message>
        <location filename="../ui/text_encoder_dialog.cpp" line="49"/>
        <source>Text (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../ui/text_encoder_dialog.cpp" line="102"/>
        <source>Choose both the model file and its vocabulary.</source>
        <translation>请同时选择模型文件及其词表。</translation>
    </message>
</context>
<context>
    <name>sl::ui::TimelinePlot</name>
    <message>
        <location filename="../ui/player/timeline_plot.cpp" line="40"/>
        <source>pitch (Hz)</source>
        <translation>音高 (Hz)</translation>
    </message>
    <message>
        <location filename="../ui/player/timeline_plot.cpp" line="41"/>
        <source>loudness (dB)</source>
        <translation>响度 (dB)</translation>
    </message>
    <message>
        <location filename="../ui/player/timeline_plot.cpp" line="42"/>
        <source>smile</source>
        <translation>微笑</translation>
    </message>
    <message>
        <location filename="../ui/player/timeline_plot.cpp" line="43"/>
        <source>motion</source>
        <translation>动作</translation>
    </message>
    <message>
        <location filename="../ui/player/timeline_plot.cpp" line="44"/>
        <source>speech</source>
        <translation>语音活动</translation>
    </message>
    <message>
        <location filename="../ui/player/timeline_plot.cpp" line="45"/>
        <source>valence</source>
        <translation>表情效价</translation>
    </message>
    <message>
        <location filename="../ui/player/timeline_plot.cpp" line="177"/>
        <location filename="../ui/player/timeline_plot.cpp" line="199"/>
        <location filename="../ui/player/timeline_plot.cpp" line="200"/>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
</context>
<context>
    <name>sl::ui::TrainDialog</name>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="58"/>
        <source>Train model</source>
        <translation>训练模型</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="66"/>
        <source>architecture and date</source>
        <translation>架构和日期</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="68"/>
        <source>%1 (the dataset&apos;s labels)</source>
        <translation>%1（数据集自带的标注）</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="71"/>
        <source>%1&apos;s labels</source>
        <translation>%1 的标注</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="72"/>
        <source>Mean of every annotator</source>
        <translation>所有标注者的平均值</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="73"/>
        <source>Latest label of any annotator</source>
        <translation>任一标注者的最新标注</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="78"/>
        <source>Learn the %1 head from %1 labels (unchecked: from M)</source>
        <translation>用 %1 标注训练 %1 输出头（不勾选：用 M 标注）</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="81"/>
        <source>SentiLens defaults</source>
        <translation>SentiLens 默认值</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="82"/>
        <source>As in the paper&apos;s code</source>
        <translation>与论文代码一致</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="83"/>
        <source>The paper recipe reproduces the authors&apos; optimiser, learning rates per group, batch size, epochs and selection rule (E/L/C-MIB, KAN-MCP).</source>
        <translation>论文配方复现作者的优化器、分组学习率、批大小、轮数和选择规则（E/L/C-MIB、KAN-MCP）。</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="91"/>
        <source>never stop early</source>
        <translation>从不提前停止</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="101"/>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="104"/>
        <source>validation MAE</source>
        <translation>验证 MAE</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="107"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="108"/>
        <source>loss / MAE</source>
        <translation>损失 / MAE</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="112"/>
        <source>Ready.</source>
        <translation>就绪。</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="115"/>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="117"/>
        <source>&amp;Cancel training</source>
        <translation>取消训练(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="135"/>
        <source>&amp;Architecture:</source>
        <translation>架构(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="136"/>
        <source>&amp;Recipe:</source>
        <translation>配方(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="137"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="138"/>
        <source>&amp;Labels:</source>
        <translation>标注(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="147"/>
        <source>Targets:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="148"/>
        <source>&amp;Epochs (most):</source>
        <translation>最多轮数(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="149"/>
        <source>&amp;Batch size:</source>
        <translation>批大小(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="150"/>
        <source>Learning &amp;rate:</source>
        <translation>学习率(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="151"/>
        <source>&amp;Weight decay:</source>
        <translation>权重衰减(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="152"/>
        <source>Warm-&amp;up (share of steps):</source>
        <translation>预热（占总步数比例）(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="153"/>
        <source>&amp;Patience (epochs):</source>
        <translation>早停耐心（轮数）(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="154"/>
        <source>&amp;Seed:</source>
        <translation>随机种子(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="155"/>
        <source>&amp;Device:</source>
        <translation>设备(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="156"/>
        <source>Parent model:</source>
        <translation>父模型：</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="157"/>
        <source>model %1 (the active one)</source>
        <translation>模型 %1（当前模型）</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="157"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="192"/>
        <source>%1 group %2</source>
        <translation>%1 组 %2</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="193"/>
        <source>Paper recipe: %1, %2, %3 rate, best epoch by validation %4.</source>
        <translation>论文配方：%1，%2，%3 学习率，按验证 %4 选最佳轮次。</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="195"/>
        <source>constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="195"/>
        <source>warm-up then linear decay</source>
        <translation>预热后线性衰减</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="290"/>
        <source>%1: cannot make a scratch folder: %2</source>
        <translation>%1：无法创建临时文件夹：%2</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="293"/>
        <source> (on a scratch copy: the project stays as it is)</source>
        <translation>（在临时副本上：项目保持不变）</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="297"/>
        <source>Not started: %1</source>
        <translation>未开始：%1</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="309"/>
        <source>Train %1 on %2</source>
        <translation>在 %2 上训练 %1</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="318"/>
        <source>epoch %1 of at most %2, validation MAE %3</source>
        <translation>第 %1 轮（最多 %2 轮），验证 MAE %3</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="342"/>
        <source>Training %1 on %2…</source>
        <translation>正在用“%2”训练 %1…</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="357"/>
        <source>Epoch %1 of at most %2: loss %3, validation MAE %4%5</source>
        <translation>第 %1 轮（最多 %2 轮）：损失 %3，验证 MAE %4%5</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="362"/>
        <source> (best so far)</source>
        <translation>（目前最佳）</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="369"/>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="373"/>
        <source>Training cancelled; no model was registered.</source>
        <translation>训练已取消；没有模型加入模型库。</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="377"/>
        <source>Trained on a scratch copy; nothing was registered in the project. %1</source>
        <translation>已在临时副本上训练；项目中未登记任何内容。%1</translation>
    </message>
    <message>
        <location filename="../ui/workbench/train_dialog.cpp" line="380"/>
        <source>Model %1 registered and made active. %2</source>
        <translation>模型 %1 已加入模型库并设为当前模型。%2</translation>
    </message>
</context>
<context>
    <name>sl::ui::TranscriptView</name>
    <message>
        <location filename="../ui/transcript_view.cpp" line="41"/>
        <location filename="../ui/transcript_view.cpp" line="55"/>
        <source>Source: %1 · F2 to edit</source>
        <translation>来源：%1 · 按 F2 编辑</translation>
    </message>
    <message>
        <location filename="../ui/transcript_view.cpp" line="43"/>
        <location filename="../ui/transcript_view.cpp" line="57"/>
        <source>(no transcript)</source>
        <translation>（无文本转写）</translation>
    </message>
</context>
</TS>
