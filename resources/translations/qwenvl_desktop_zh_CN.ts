<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Conversation</source>
        <translation>对话(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;New conversation</source>
        <translation>新建对话(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Add images…</source>
        <translation>添加图片(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Paste image</source>
        <translation>粘贴图片(&amp;P)</translation>
    </message>
    <message>
        <source>Set API &amp;key…</source>
        <translation>设置 API Key(&amp;K)…</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>首选项(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy last answer</source>
        <translation>复制上一条回答(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Regenerate last reply</source>
        <translation>重新生成上一条回答(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;try failed reply</source>
        <translation>重试失败的回答(&amp;T)</translation>
    </message>
    <message>
        <source>Show/hide &amp;thinking</source>
        <translation>显示/隐藏思考过程(&amp;T)</translation>
    </message>
    <message>
        <source>Focus the &amp;question</source>
        <translation>转到提问框(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于 Qwen-VL Desktop(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation>停止回答 (Esc)</translation>
    </message>
    <message>
        <source>Stop (Esc)</source>
        <translation>停止 (Esc)</translation>
    </message>
    <message>
        <source>Send (%1)</source>
        <translation>发送 (%1)</translation>
    </message>
    <message>
        <source>Send the question (%1)</source>
        <translation>发送问题 (%1)</translation>
    </message>
    <message>
        <source>Ask about the images…  (Enter to send, Shift+Enter for a new line, Esc to stop)</source>
        <translation>输入关于图片的问题…（Enter 发送，Shift+Enter 换行，Esc 停止）</translation>
    </message>
    <message>
        <source>Ask about the images…  (Ctrl+Enter to send, Esc to stop)</source>
        <translation>输入关于图片的问题…（Ctrl+Enter 发送，Esc 停止）</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>The window switches as soon as the setting is saved. System language: the operating system&apos;s, when it is Japanese or Chinese; otherwise English.</source>
        <translation>保存设置后，窗口会立即切换语言。选择“系统语言”时，若操作系统语言为日语或中文则使用该语言，否则显示英文。</translation>
    </message>
    <message>
        <source>Kept in %1. Turned off: nothing more is saved and the file is closed; it stays on disk with its conversations, which come back when the history is turned on again (the conversation shown is then saved too).</source>
        <translation>保存在 %1。关闭后不再保存任何内容，文件也会关闭；但文件及其中的对话仍保留在磁盘上，重新开启历史记录后即可恢复（届时当前显示的对话也会被保存）。</translation>
    </message>
    <message>
        <source>Proxy, certificates and timeouts apply from the next request; an answer being written finishes on the connection it started with.</source>
        <translation>代理、证书和超时设置从下一次请求起生效；正在生成的回答会沿用开始时的连接直至完成。</translation>
    </message>
    <message>
        <source>New images get it, and so do the images attached now whose detail was not chosen on their card (prepared again: the token estimate follows).</source>
        <translation>适用于之后添加的图片，也适用于已附加但未在卡片上单独选择精细度的图片（图片会重新处理，Token 估算随之更新）。</translation>
    </message>
    <message>
        <source>A custom endpoint replaces the region&apos;s.</source>
        <translation>设置自定义接入地址后，将取代所选地域的接入地址。</translation>
    </message>
    <message>
        <source>A key belongs to one region (or endpoint). Keys are kept in the OS keyring, never in a file, and only shown masked. DASHSCOPE_API_KEY_&lt;REGION&gt; and DASHSCOPE_API_KEY in the environment win over the keyring.</source>
        <translation>每个 API Key 对应一个地域（或接入地址）。API Key 保存在操作系统的密钥环中，从不写入文件，且只以掩码形式显示。环境变量 DASHSCOPE_API_KEY_&lt;REGION&gt; 和 DASHSCOPE_API_KEY 优先于密钥环。</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Send the question with</source>
        <translation>发送问题的按键</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Custom endpoint</source>
        <translation>自定义接入地址</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>CA certificates</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <source>Answer timeout</source>
        <translation>回答超时</translation>
    </message>
    <message>
        <source>Longest silence in a stream</source>
        <translation>流式输出的最长静默时间</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>默认模型</translation>
    </message>
    <message>
        <source>Image detail</source>
        <translation>图像精细度</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度 (temperature)</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>最大 Token 数</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>字号</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>常规(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>外观(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>API Key(&amp;K)</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Your settings file: %1</source>
        <translation>设置文件：%1</translation>
    </message>
    <message>
        <source>Region or endpoint</source>
        <translation>地域或接入地址</translation>
    </message>
    <message>
        <source>Key in use</source>
        <translation>当前使用的 API Key</translation>
    </message>
    <message>
        <source>In the keyring</source>
        <translation>密钥环中</translation>
    </message>
    <message>
        <source>Paste a new key for the selected row</source>
        <translation>为所选行粘贴新的 API Key</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>新的 API Key</translation>
    </message>
    <message>
        <source>&amp;Save key</source>
        <translation>保存 API Key(&amp;S)</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>检查(&amp;H)</translation>
    </message>
    <message>
        <source>Ask the endpoint whether the key in use works (GET /models)</source>
        <translation>向接入地址确认当前 API Key 是否可用（GET /models）</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Remove the key from the OS keyring</source>
        <translation>从操作系统密钥环中删除该 API Key</translation>
    </message>
    <message>
        <source>Ctrl+Enter (Enter starts a new line)</source>
        <translation>Ctrl+Enter（Enter 换行）</translation>
    </message>
    <message>
        <source>Enter (Shift+Enter starts a new line)</source>
        <translation>Enter（Shift+Enter 换行）</translation>
    </message>
    <message>
        <source>Keep a history of the conversations on this computer</source>
        <translation>在本机保存对话历史记录</translation>
    </message>
    <message>
        <source>Empty: the region&apos;s endpoint</source>
        <translation>留空：使用所选地域的接入地址</translation>
    </message>
    <message>
        <source>Empty: the environment&apos;s proxy settings, else direct</source>
        <translation>留空：使用环境中的代理设置，没有则直接连接</translation>
    </message>
    <message>
        <source>system, certifi, or the path of a PEM file</source>
        <translation>system、certifi 或 PEM 文件路径</translation>
    </message>
    <message>
        <source>Standard (the model&apos;s usual budget)</source>
        <translation>标准（模型的常规像素量）</translation>
    </message>
    <message>
        <source>High (more pixels, more tokens)</source>
        <translation>高（像素更多，Token 也更多）</translation>
    </message>
    <message>
        <source>Economy (fewer tokens)</source>
        <translation>节省（Token 更少）</translation>
    </message>
    <message>
        <source>Empty: no system prompt</source>
        <translation>留空：不使用系统提示词</translation>
    </message>
    <message>
        <source>Model&apos;s default</source>
        <translation>模型默认值</translation>
    </message>
    <message>
        <source>Model&apos;s limit</source>
        <translation>模型上限</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Token</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no key</comment>
        <translation>无</translation>
    </message>
    <message>
        <source>stored</source>
        <comment>a key</comment>
        <translation>已保存</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <comment>a key</comment>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>The OS keyring cannot be read: %1</source>
        <translation>无法读取操作系统密钥环：%1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Paste a key for the selected region first.</source>
        <translation>请先粘贴所选地域的 API Key。</translation>
    </message>
    <message>
        <source>%1 — now from: %2</source>
        <translation>%1 — 当前来源：%2</translation>
    </message>
    <message>
        <source>From: %1.</source>
        <translation>来源：%1。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
</context>
</TS>
