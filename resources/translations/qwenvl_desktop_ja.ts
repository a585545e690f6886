<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Conversation</source>
        <translation>会話(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;New conversation</source>
        <translation>新しい会話(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Add images…</source>
        <translation>画像を追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Paste image</source>
        <translation>画像を貼り付け(&amp;P)</translation>
    </message>
    <message>
        <source>Set API &amp;key…</source>
        <translation>API キーを設定(&amp;K)…</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>設定(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>送信(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy last answer</source>
        <translation>最後の回答をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Regenerate last reply</source>
        <translation>最後の回答を再生成(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;try failed reply</source>
        <translation>失敗した回答を再試行(&amp;T)</translation>
    </message>
    <message>
        <source>Show/hide &amp;thinking</source>
        <translation>思考過程の表示/非表示(&amp;T)</translation>
    </message>
    <message>
        <source>Focus the &amp;question</source>
        <translation>質問欄へ移動(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>Qwen-VL Desktop について(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the answer (Esc)</source>
        <translation>回答を停止 (Esc)</translation>
    </message>
    <message>
        <source>Stop (Esc)</source>
        <translation>停止 (Esc)</translation>
    </message>
    <message>
        <source>Send (%1)</source>
        <translation>送信 (%1)</translation>
    </message>
    <message>
        <source>Send the question (%1)</source>
        <translation>質問を送信 (%1)</translation>
    </message>
    <message>
        <source>Ask about the images…  (Enter to send, Shift+Enter for a new line, Esc to stop)</source>
        <translation>画像について質問を入力…（Enter で送信、Shift+Enter で改行、Esc で停止）</translation>
    </message>
    <message>
        <source>Ask about the images…  (Ctrl+Enter to send, Esc to stop)</source>
        <translation>画像について質問を入力…（Ctrl+Enter で送信、Esc で停止）</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <source>The window switches as soon as the setting is saved. System language: the operating system&apos;s, when it is Japanese or Chinese; otherwise English.</source>
        <translation>設定を保存すると、ウィンドウの表示言語がすぐに切り替わります。「システムの言語」では、OS の言語が日本語または中国語ならその言語で、それ以外なら英語で表示します。</translation>
    </message>
    <message>
        <source>Kept in %1. Turned off: nothing more is saved and the file is closed; it stays on disk with its conversations, which come back when the history is turned on again (the conversation shown is then saved too).</source>
        <translation>保存先: %1。オフにすると以降は何も保存されず、ファイルは閉じられます。ファイルは会話ごとディスクに残り、履歴を再びオンにすると元どおり表示されます（そのとき表示中の会話も保存されます）。</translation>
    </message>
    <message>
        <source>Proxy, certificates and timeouts apply from the next request; an answer being written finishes on the connection it started with.</source>
        <translation>プロキシ、証明書、タイムアウトの変更は次のリクエストから適用されます。生成中の回答は、開始時の接続のまま最後まで受信します。</translation>
    </message>
    <message>
        <source>New images get it, and so do the images attached now whose detail was not chosen on their card (prepared again: the token estimate follows).</source>
        <translation>これから追加する画像に適用されます。添付済みの画像でも、カードで精細度を個別に選んでいないものには適用されます（画像を準備し直し、トークン数の見積もりも更新されます）。</translation>
    </message>
    <message>
        <source>A custom endpoint replaces the region&apos;s.</source>
        <translation>カスタムエンドポイントを指定すると、リージョンのエンドポイントの代わりに使われます。</translation>
    </message>
    <message>
        <source>A key belongs to one region (or endpoint). Keys are kept in the OS keyring, never in a file, and only shown masked. DASHSCOPE_API_KEY_&lt;REGION&gt; and DASHSCOPE_API_KEY in the environment win over the keyring.</source>
        <translation>API キーはリージョン（またはエンドポイント）ごとに設定します。キーは OS のキーリングに保管され、ファイルに書き出されることはなく、画面には伏せ字でのみ表示されます。環境変数 DASHSCOPE_API_KEY_&lt;REGION&gt; と DASHSCOPE_API_KEY はキーリングより優先されます。</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>表示言語</translation>
    </message>
    <message>
        <source>Send the question with</source>
        <translation>質問の送信キー</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source>Custom endpoint</source>
        <translation>カスタムエンドポイント</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>プロキシ</translation>
    </message>
    <message>
        <source>CA certificates</source>
        <translation>CA 証明書</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>接続タイムアウト</translation>
    </message>
    <message>
        <source>Answer timeout</source>
        <translation>回答のタイムアウト</translation>
    </message>
    <message>
        <source>Longest silence in a stream</source>
        <translation>ストリーミング中の最大無応答時間</translation>
    </message>
    <message>
        <source>Default model</source>
        <translation>既定のモデル</translation>
    </message>
    <message>
        <source>Image detail</source>
        <translation>画像の精細度</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>システムプロンプト</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度 (temperature)</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>最大トークン数</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>テーマ</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>フォントサイズ</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>一般(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>接続(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>モデル(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Appearance</source>
        <translation>外観(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>API キー(&amp;K)</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Your settings file: %1</source>
        <translation>設定ファイル: %1</translation>
    </message>
    <message>
        <source>Region or endpoint</source>
        <translation>リージョン／エンドポイント</translation>
    </message>
    <message>
        <source>Key in use</source>
        <translation>使用中のキー</translation>
    </message>
    <message>
        <source>In the keyring</source>
        <translation>キーリング内</translation>
    </message>
    <message>
        <source>Paste a new key for the selected row</source>
        <translation>選択した行の新しい API キーを貼り付け</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>新しい API キー</translation>
    </message>
    <message>
        <source>&amp;Save key</source>
        <translation>キーを保存(&amp;S)</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>確認(&amp;H)</translation>
    </message>
    <message>
        <source>Ask the endpoint whether the key in use works (GET /models)</source>
        <translation>使用中のキーが有効かどうかエンドポイントに問い合わせます (GET /models)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <source>Remove the key from the OS keyring</source>
        <translation>OS のキーリングからキーを削除します</translation>
    </message>
    <message>
        <source>Ctrl+Enter (Enter starts a new line)</source>
        <translation>Ctrl+Enter（Enter で改行）</translation>
    </message>
    <message>
        <source>Enter (Shift+Enter starts a new line)</source>
        <translation>Enter（Shift+Enter で改行）</translation>
    </message>
    <message>
        <source>Keep a history of the conversations on this computer</source>
        <translation>会話の履歴をこのコンピューターに保存する</translation>
    </message>
    <message>
        <source>Empty: the region&apos;s endpoint</source>
        <translation>空欄: リージョンのエンドポイント</translation>
    </message>
    <message>
        <source>Empty: the environment&apos;s proxy settings, else direct</source>
        <translation>空欄: 環境のプロキシ設定（なければ直接接続）</translation>
    </message>
    <message>
        <source>system, certifi, or the path of a PEM file</source>
        <translation>system、certifi、または PEM ファイルのパス</translation>
    </message>
    <message>
        <source>Standard (the model&apos;s usual budget)</source>
        <translation>標準（モデル本来の画素数）</translation>
    </message>
    <message>
        <source>High (more pixels, more tokens)</source>
        <translation>高（画素数もトークンも多め）</translation>
    </message>
    <message>
        <source>Economy (fewer tokens)</source>
        <translation>節約（トークン少なめ）</translation>
    </message>
    <message>
        <source>Empty: no system prompt</source>
        <translation>空欄: システムプロンプトなし</translation>
    </message>
    <message>
        <source>Model&apos;s default</source>
        <translation>モデルの既定値</translation>
    </message>
    <message>
        <source>Model&apos;s limit</source>
        <translation>モデルの上限</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> トークン</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>システムに合わせる</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source>System</source>
        <translation>システムの既定</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no key</comment>
        <translation>なし</translation>
    </message>
    <message>
        <source>stored</source>
        <comment>a key</comment>
        <translation>保存済み</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <comment>a key</comment>
        <translation>読み取れません</translation>
    </message>
    <message>
        <source>The OS keyring cannot be read: %1</source>
        <translation>OS のキーリングを読み取れません: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <source>Paste a key for the selected region first.</source>
        <translation>先に、選択したリージョンの API キーを貼り付けてください。</translation>
    </message>
    <message>
        <source>%1 — now from: %2</source>
        <translation>%1 — 現在の設定元: %2</translation>
    </message>
    <message>
        <source>From: %1.</source>
        <translation>設定元: %1。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
</context>
</TS>
