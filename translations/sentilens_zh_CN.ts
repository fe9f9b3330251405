<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SetLabelCommand</name>
    <message>
        <location filename="../ui/edit_commands.cpp" line="13"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/edit_commands.cpp" line="43"/>
        <source>%1 of %2: %3 → %4</source>
        <translation>片段 %2 的 %1：%3 → %4</translation>
    </message>
</context>
<context>
    <name>SetTranscriptCommand</name>
    <message>
        <location filename="../ui/edit_commands.cpp" line="76"/>
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
    <name>sl::ui::ClipBrowser</name>
    <message>
        <location filename="../ui/clip_browser.cpp" line="24"/>
        <source>All splits</source>
        <translation>全部划分</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="28"/>
        <source>Any target</source>
        <translation>任意标注目标</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="32"/>
        <source>All clips</source>
        <translation>全部片段</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="33"/>
        <source>Unlabelled by me</source>
        <translation>我未标注</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="34"/>
        <source>Labelled by me</source>
        <translation>我已标注</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="35"/>
        <location filename="../ui/clip_browser.cpp" line="91"/>
        <source>Labelled by reference</source>
        <translation>参考标注者已标注</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="36"/>
        <source>Unlabelled by anyone</source>
        <translation>无人标注</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="38"/>
        <source>Only clips that this annotator labelled (for the chosen target)</source>
        <translation>仅显示该标注者已标注的片段（针对所选标注目标）</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="40"/>
        <source>Model disagrees</source>
        <translation>模型预测不一致</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="41"/>
        <source>Only clips where the model&apos;s M differs from the label by at least one unit</source>
        <translation>仅显示模型预测的 M 与标注相差至少一个单位的片段</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="43"/>
        <source>Search ids and transcripts</source>
        <translation>搜索 ID 和文本转写</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="91"/>
        <location filename="../ui/clip_browser.cpp" line="100"/>
        <source>Labelled by %1</source>
        <translation>%1 已标注</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="98"/>
        <source>Any annotator</source>
        <translation>任意标注者</translation>
    </message>
    <message>
        <location filename="../ui/clip_browser.cpp" line="129"/>
        <source>%1 of %2 clips</source>
        <translation>%1 / %2 个片段</translation>
    </message>
</context>
<context>
    <name>sl::ui::ClipTableModel</name>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="103"/>
        <source>Your label %1; %2: %3</source>
        <translation>您的标注 %1；%2：%3</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="105"/>
        <source>Not labelled by you yet; %1: %2</source>
        <translation>您尚未标注；%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="106"/>
        <source>Your label %1</source>
        <translation>您的标注 %1</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="106"/>
        <source>Not labelled</source>
        <translation>未标注</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="167"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="168"/>
        <source>Clip</source>
        <translation>片段</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="169"/>
        <source>Split</source>
        <translation>划分</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="170"/>
        <source>Length (s)</source>
        <translation>时长（秒）</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="175"/>
        <source>Model M</source>
        <translation>模型 M</translation>
    </message>
    <message>
        <location filename="../ui/clip_table_model.cpp" line="176"/>
        <source>Transcript</source>
        <translation>文本转写</translation>
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
        <source>0-9 set the size of the current label (1 unit per digit; 0.2 per digit on the CH-SIMS scale), keeping its sign: press - then 2 for -2. + and - step by one unit, Alt with + or - by a fine step, N flips the sign, Delete clears. Tab and Shift+Tab move between M, T, A and V.</source>
        <translation>0-9 设置当前标注的强度（每个数字代表 1 个单位；在 CH-SIMS 刻度下每个数字代表 0.2），并保留其正负号：先按 - 再按 2 即为 -2。+ 和 - 按一个单位增减，Alt 加 + 或 - 按微调步长增减，N 翻转正负号，Delete 清除。Tab 和 Shift+Tab 在 M、T、A 和 V 之间切换。</translation>
    </message>
    <message>
        <location filename="../ui/help_overlay.cpp" line="30"/>
        <source>Press any key to close this help.</source>
        <translation>按任意键关闭此帮助。</translation>
    </message>
</context>
<context>
    <name>sl::ui::LabelEditor</name>
    <message>
        <location filename="../ui/label_editor.cpp" line="116"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../ui/label_editor.cpp" line="118"/>
        <source>model: %1</source>
        <translation>模型：%1</translation>
    </message>
</context>
<context>
    <name>sl::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="95"/>
        <source>&lt;project opened&gt;</source>
        <translation>&lt;已打开项目&gt;</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="105"/>
        <source>Clips</source>
        <translation>片段</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="106"/>
        <source>Player</source>
        <translation>播放器</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="107"/>
        <source>Transcript</source>
        <translation>文本转写</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="108"/>
        <source>Labels</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="109"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="110"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="137"/>
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="138"/>
        <source>Open SentiLens project</source>
        <translation>打开 SentiLens 项目</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="142"/>
        <source>&amp;Close project</source>
        <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="143"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="145"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="147"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="153"/>
        <source>&amp;Edit transcript</source>
        <translation>编辑文本转写(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="155"/>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>键盘快捷键(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="160"/>
        <source>&amp;Next clip</source>
        <translation>下一个片段(&amp;N)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="162"/>
        <source>&amp;Previous clip</source>
        <translation>上一个片段(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="164"/>
        <source>Next &amp;unlabelled clip</source>
        <translation>下一个未标注片段(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="166"/>
        <source>Next &amp;disagreement</source>
        <translation>下一个不一致片段(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="168"/>
        <source>&amp;Back to the clip before</source>
        <translation>返回之前的片段(&amp;B)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="170"/>
        <source>&amp;Search clips</source>
        <translation>搜索片段(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="172"/>
        <source>&amp;Play / pause</source>
        <translation>播放/暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="173"/>
        <source>Frame &amp;forward</source>
        <translation>前进一帧(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="174"/>
        <source>Frame &amp;back</source>
        <translation>后退一帧(&amp;B)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="175"/>
        <source>Seek 1 s forward</source>
        <translation>快进 1 秒</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="176"/>
        <source>Seek 1 s back</source>
        <translation>快退 1 秒</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="177"/>
        <source>Seek 5 s forward</source>
        <translation>快进 5 秒</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="178"/>
        <source>Seek 5 s back</source>
        <translation>快退 5 秒</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="179"/>
        <source>Back to the start</source>
        <translation>回到开头</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="180"/>
        <source>Faster</source>
        <translation>加快播放</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="182"/>
        <source>Slower</source>
        <translation>减慢播放</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="184"/>
        <source>&amp;Loop clip</source>
        <translation>循环播放片段(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="185"/>
        <source>&amp;Mute</source>
        <translation>静音(&amp;M)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="187"/>
        <source>Next target</source>
        <translation>下一个标注目标</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="188"/>
        <source>Previous target</source>
        <translation>上一个标注目标</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="195"/>
        <source>Set label size %1</source>
        <translation>将标注强度设为 %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="198"/>
        <source>Label up one unit</source>
        <translation>标注增加一个单位</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="200"/>
        <source>Label down one unit</source>
        <translation>标注减少一个单位</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="202"/>
        <source>Label up a fine step</source>
        <translation>标注微调增加</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="204"/>
        <source>Label down a fine step</source>
        <translation>标注微调减少</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="206"/>
        <source>Flip the label&apos;s sign</source>
        <translation>翻转标注的正负号</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="208"/>
        <source>Clear the label</source>
        <translation>清除标注</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="212"/>
        <source>Review: &amp;all modalities</source>
        <translation>审阅：全部模态(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="213"/>
        <source>Review: &amp;text only</source>
        <translation>审阅：仅文本(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="214"/>
        <source>Review: a&amp;udio only</source>
        <translation>审阅：仅语音(&amp;U)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="215"/>
        <source>Review: &amp;video only</source>
        <translation>审阅：仅视频(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="228"/>
        <source>E&amp;xtract features</source>
        <translation>提取特征(&amp;X)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="230"/>
        <source>&amp;Predict with the active model</source>
        <translation>用当前模型预测(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="232"/>
        <source>&amp;Cancel the running job</source>
        <translation>取消正在运行的任务(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="234"/>
        <source>Keyboard &amp;help</source>
        <translation>键盘帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="236"/>
        <source>&amp;Reset layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="242"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="244"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="249"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="256"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="260"/>
        <source>&amp;Playback</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="266"/>
        <source>&amp;Review</source>
        <translation>审阅(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="269"/>
        <source>&amp;Jobs</source>
        <translation>任务(&amp;J)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="274"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="278"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="280"/>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="280"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="280"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="288"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="291"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="300"/>
        <source>The language changes the next time SentiLens starts.</source>
        <translation>语言将在下次启动 SentiLens 时更改。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="305"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="308"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="338"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="346"/>
        <source>Features %v/%m, %1 s left</source>
        <translation>特征 %v/%m，剩余 %1 秒</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="346"/>
        <source>Features %v/%m</source>
        <translation>特征 %v/%m</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="348"/>
        <source>%1 clip(s) could not be read</source>
        <translation>%1 个片段无法读取</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="351"/>
        <source>Features: %1 extracted, %2 already there, %3 failed%4</source>
        <translation>特征：已提取 %1 个，已存在 %2 个，失败 %3 个%4</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="355"/>
        <source> (cancelled)</source>
        <translation>（已取消）</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="365"/>
        <source>Predicted %1 clips with %2</source>
        <translation>已用 %2 预测 %1 个片段</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="393"/>
        <source>Who is labelling?</source>
        <translation>谁在标注？</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="394"/>
        <source>Your name is stored with every label you give (asked only once):</source>
        <translation>您的姓名将随您给出的每条标注一起保存（仅询问一次）：</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="397"/>
        <source>A project is opened for a named annotator; no name was given.</source>
        <translation>打开项目需要指定标注者姓名，但未提供姓名。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="460"/>
        <location filename="../ui/main_window.cpp" line="684"/>
        <source>SentiLens</source>
        <translation>SentiLens</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="461"/>
        <source>No project</source>
        <translation>未打开项目</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="467"/>
        <source>%1 — SentiLens</source>
        <translation>%1 — SentiLens</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="468"/>
        <source>Project: %1 (%2)</source>
        <translation>项目：%1（%2）</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="469"/>
        <source>Annotator: %1</source>
        <translation>标注者：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="470"/>
        <source>All labels saved</source>
        <translation>所有标注均已保存</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="533"/>
        <source>Extracting features in the background…</source>
        <translation>正在后台提取特征…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="544"/>
        <source>Predicting…</source>
        <translation>正在预测…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="608"/>
        <source>Saved %1 of %2</source>
        <translation>已保存片段 %2 的 %1 标注</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="619"/>
        <source>No clip further down lacks your %1 label</source>
        <translation>后面已没有缺少您的 %1 标注的片段</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="633"/>
        <source>No further clip where the model and the label disagree</source>
        <translation>后面已没有模型预测与标注不一致的片段</translation>
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
        <location filename="../ui/model_panel.cpp" line="38"/>
        <source>Model predictions</source>
        <translation>模型预测</translation>
    </message>
</context>
<context>
    <name>sl::ui::PlayerControls</name>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="36"/>
        <source>Previous frame</source>
        <translation>上一帧</translation>
    </message>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="37"/>
        <location filename="../ui/player/player_controls.cpp" line="119"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="38"/>
        <source>Next frame</source>
        <translation>下一帧</translation>
    </message>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="41"/>
        <source>Position in the clip</source>
        <translation>片段内的播放位置</translation>
    </message>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="46"/>
        <source>Playback speed</source>
        <translation>播放速度</translation>
    </message>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="48"/>
        <location filename="../ui/player/player_controls.cpp" line="151"/>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="50"/>
        <source>Loop the clip</source>
        <translation>循环播放片段</translation>
    </message>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="53"/>
        <location filename="../ui/player/player_controls.cpp" line="202"/>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="119"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="175"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="177"/>
        <source>No sound output device was found; the clip plays without sound.</source>
        <translation>未找到音频输出设备；片段将无声播放。</translation>
    </message>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="179"/>
        <source>Sound is off in this review mode.</source>
        <translation>此审阅模式下声音已关闭。</translation>
    </message>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="194"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../ui/player/player_controls.cpp" line="202"/>
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
        <location filename="../ui/player/player_widget.cpp" line="130"/>
        <source>The clip file “%1” does not exist.</source>
        <translation>片段文件“%1”不存在。</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="288"/>
        <source>Video and sound are hidden for text-only review.</source>
        <translation>仅文本审阅模式下隐藏视频和声音。</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="290"/>
        <source>Video is hidden for audio-only review.</source>
        <translation>仅语音审阅模式下隐藏视频画面。</translation>
    </message>
    <message>
        <location filename="../ui/player/player_widget.cpp" line="292"/>
        <source>No clip selected.</source>
        <translation>未选择片段。</translation>
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
    <name>sl::ui::TimelinePlot</name>
    <message>
        <location filename="../ui/player/timeline_plot.cpp" line="147"/>
        <location filename="../ui/player/timeline_plot.cpp" line="167"/>
        <location filename="../ui/player/timeline_plot.cpp" line="168"/>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
</context>
<context>
    <name>sl::ui::TranscriptView</name>
    <message>
        <location filename="../ui/transcript_view.cpp" line="44"/>
        <source>Source: %1 · F2 to edit</source>
        <translation>来源：%1 · 按 F2 编辑</translation>
    </message>
    <message>
        <location filename="../ui/transcript_view.cpp" line="46"/>
        <source>(no transcript)</source>
        <translation>（无文本转写）</translation>
    </message>
</context>
</TS>
