<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Ask Alibaba Cloud Model Studio&apos;s Qwen vision-language models about images: drop, paste or capture them, ask, and watch the answer stream in.</source>
        <translation>Alibaba Cloud Model Studio の Qwen 視覚言語モデルに画像について質問できます。画像をドロップ、貼り付け、またはキャプチャーして質問すると、回答がリアルタイムに表示されます。</translation>
    </message>
    <message>
        <source>User settings</source>
        <translation>ユーザーの設定</translation>
    </message>
    <message>
        <source>System settings</source>
        <translation>システムの設定</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>ライセンス</translation>
    </message>
    <message>
        <source>%1; Qt and PySide6 under the LGPLv3</source>
        <translation>%1（Qt と PySide6 は LGPLv3）</translation>
    </message>
    <message>
        <source>No telemetry, no update check: the app connects only to the endpoint you configure.</source>
        <translation>テレメトリーも更新確認もありません。アプリが接続するのは、設定したエンドポイントだけです。</translation>
    </message>
    <message>
        <source>About Qwen-VL Desktop</source>
        <translation>Qwen-VL Desktop について</translation>
    </message>
</context>
<context>
    <name>AnnotationStore</name>
    <message>
        <source>the service downloaded this image from its link; the app has no copy</source>
        <translation>この画像はサービスがリンクから取得したため、アプリに手元のコピーがありません</translation>
    </message>
    <message>
        <source>The original file is not at hand: the boxes are drawn on the picture that was sent, enlarged to the original %1×%2 px.</source>
        <translation>元のファイルが見つかりません。送信した画像を元のサイズ（%1×%2 px）に拡大して枠を描いています。</translation>
    </message>
</context>
<context>
    <name>AnnotationsTool</name>
    <message>
        <source>Find in the images</source>
        <translation>画像内を検索</translation>
    </message>
    <message>
        <source>What should be found and boxed? (e.g. “every person”, “the Save button”)</source>
        <translation>何を探して枠で囲みますか？（例：「すべての人物」「保存ボタン」）</translation>
    </message>
    <message>
        <source>Point at</source>
        <translation>指し示す</translation>
    </message>
    <message>
        <source>What should be pointed at? (e.g. “each apple”, “the close button”)</source>
        <translation>何を指し示しますか？（例：「それぞれのリンゴ」「閉じるボタン」）</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>検索(&amp;F)…</translation>
    </message>
    <message>
        <source>Ask for boxes around what you name, in the images</source>
        <translation>指定したものを画像内で枠で囲むよう依頼します</translation>
    </message>
    <message>
        <source>&amp;Point at…</source>
        <translation>指し示す(&amp;P)…</translation>
    </message>
    <message>
        <source>Ask for a point on each thing you name, in the images</source>
        <translation>指定したものそれぞれを画像内で点で示すよう依頼します</translation>
    </message>
    <message>
        <source>Show &amp;boxes and points</source>
        <translation>枠と点を表示(&amp;B)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Preparing images…</source>
        <translation>画像を準備しています…</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 を保存できませんでした：%2</translation>
    </message>
    <message>
        <source>Saved %1. %2</source>
        <translation>%1 に保存しました。%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 に保存しました</translation>
    </message>
    <message>
        <source>Add an image first: Find… and Point at… look in the images.</source>
        <translation>先に画像を追加してください。「検索…」と「指し示す…」は画像の中を探します。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Configuration: %1</source>
        <translation>設定: %1</translation>
    </message>
</context>
<context>
    <name>AttachmentNotes</name>
    <message>
        <source>%1 — link, up to %2 tokens</source>
        <translation>%1 — リンク、最大 %2 トークン</translation>
    </message>
    <message>
        <source>%1×%2 image</source>
        <translation>%1×%2 の画像</translation>
    </message>
    <message>
        <source>%1 — %2 → %3, %4 KiB, ≈%5 tokens</source>
        <translation>%1 — %2 → %3、%4 KiB、約 %5 トークン</translation>
    </message>
    <message>
        <source>%1 — %2 → %3, %4 KiB, ≈%5 tokens (high resolution)</source>
        <translation>%1 — %2 → %3、%4 KiB、約 %5 トークン（高解像度）</translation>
    </message>
    <message>
        <source>%1 — %2 → %3, %4 KiB, ≈%5 tokens (economy)</source>
        <translation>%1 — %2 → %3、%4 KiB、約 %5 トークン（節約）</translation>
    </message>
    <message>
        <source>%1 does not take the high-resolution flag: sent at its default budget</source>
        <translation>%1 は高解像度の指定に対応していないため、既定のサイズで送信します</translation>
    </message>
    <message>
        <source>reduced to %1×%2 px to stay under the %3 MiB data-URI limit</source>
        <translation>データ URI の上限 %3 MiB に収めるため %1×%2 px に縮小しました</translation>
    </message>
    <message>
        <source>transparency flattened onto white (JPEG has no alpha channel)</source>
        <translation>透明部分は白で塗りつぶしました（JPEG にはアルファチャンネルがありません）</translation>
    </message>
    <message>
        <source>mirrored</source>
        <translation>左右反転</translation>
    </message>
    <message>
        <source>rotated 180°</source>
        <translation>180° 回転</translation>
    </message>
    <message>
        <source>flipped</source>
        <translation>上下反転</translation>
    </message>
    <message>
        <source>rotated and mirrored</source>
        <translation>回転と反転</translation>
    </message>
    <message>
        <source>rotated 90°</source>
        <translation>90° 回転</translation>
    </message>
    <message>
        <source>rotated 270°</source>
        <translation>270° 回転</translation>
    </message>
    <message>
        <source>EXIF orientation applied (%1)</source>
        <translation>EXIF の向きを適用しました（%1）</translation>
    </message>
    <message>
        <source>multi-picture file: only its main picture is sent</source>
        <translation>複数画像のファイル：メインの画像だけを送信します</translation>
    </message>
    <message>
        <source>animated image: only the first frame is sent</source>
        <translation>アニメーション画像：最初のフレームだけを送信します</translation>
    </message>
    <message>
        <source>enlarged from %1×%2 px: the service refuses sides under %3 px</source>
        <translation>%1×%2 px から拡大しました：サービスは %3 px 未満の辺を受け付けません</translation>
    </message>
    <message>
        <source>reduced from %1×%2 px to the %3-token budget</source>
        <translation>%1×%2 px から %3 トークンの上限に合わせて縮小しました</translation>
    </message>
    <message>
        <source>enlarged from %1×%2 px to the model&apos;s minimum size</source>
        <translation>%1×%2 px からモデルの最小サイズに拡大しました</translation>
    </message>
    <message>
        <source>CMYK converted to RGB with its colour profile</source>
        <translation>カラープロファイルを使って CMYK を RGB に変換しました</translation>
    </message>
    <message>
        <source>CMYK converted to RGB</source>
        <translation>CMYK を RGB に変換しました</translation>
    </message>
    <message>
        <source>colours converted to sRGB from the embedded profile</source>
        <translation>埋め込みプロファイルから sRGB に色を変換しました</translation>
    </message>
    <message>
        <source>16-bit image reduced to 8 bits</source>
        <translation>16 ビット画像を 8 ビットに減らしました</translation>
    </message>
    <message>
        <source>floating-point image reduced to 8 bits</source>
        <translation>浮動小数点の画像を 8 ビットに減らしました</translation>
    </message>
    <message>
        <source>high-depth image stretched from its range %1–%2 to 8 bits</source>
        <translation>高ビット深度の画像を範囲 %1～%2 から 8 ビットに引き伸ばしました</translation>
    </message>
    <message>
        <source>lossless %1</source>
        <translation>可逆圧縮 %1</translation>
    </message>
    <message>
        <source>photo: JPEG quality %1, the lowest whose SSIM against the resized image reaches %2 (%3 on its most detailed tiles)</source>
        <translation>写真：JPEG 品質 %1。縮小後の画像に対する SSIM が %2 に達する最低の品質です（最も細かいタイルで %3）</translation>
    </message>
    <message>
        <source>image: JPEG quality %1, the lowest whose SSIM against the resized image reaches %2 (%3 on its most detailed tiles)</source>
        <translation>画像：JPEG 品質 %1。縮小後の画像に対する SSIM が %2 に達する最低の品質です（最も細かいタイルで %3）</translation>
    </message>
    <message>
        <source>photo: JPEG quality %1, the highest used (SSIM %3, under %2: fine detail like noise costs too many bytes to keep)</source>
        <translation>写真：JPEG 品質 %1（使用する最高品質）。SSIM は %3 で %2 に届きません：ノイズのような細部を保つにはバイト数がかかりすぎます</translation>
    </message>
    <message>
        <source>image: JPEG quality %1, the highest used (SSIM %3, under %2: fine detail like noise costs too many bytes to keep)</source>
        <translation>画像：JPEG 品質 %1（使用する最高品質）。SSIM は %3 で %2 に届きません：ノイズのような細部を保つにはバイト数がかかりすぎます</translation>
    </message>
    <message>
        <source>the original file is sent unchanged (already the size the model sees)</source>
        <translation>元のファイルをそのまま送信します（すでにモデルが見るサイズです）</translation>
    </message>
    <message>
        <source>text and hard edges: %1, every pixel exact (%2; %3)</source>
        <translation>文字やくっきりした輪郭：%1、全ピクセルをそのまま保持（%2、%3）</translation>
    </message>
    <message>
        <source>text and hard edges: %1, every pixel exact (%2)</source>
        <translation>文字やくっきりした輪郭：%1、全ピクセルをそのまま保持（%2）</translation>
    </message>
    <message>
        <source>%1; lossless (%2, %3 MiB) would exceed the %4 MiB data-URI limit</source>
        <translation>%1。可逆圧縮（%2、%3 MiB）ではデータ URI の上限 %4 MiB を超えてしまいます</translation>
    </message>
    <message>
        <source>JPEG quality lowered to %1 to stay under the %2 MiB data-URI limit</source>
        <translation>データ URI の上限 %2 MiB に収めるため、JPEG 品質を %1 に下げました</translation>
    </message>
    <message>
        <source>%1 — link, sampled by the service at %2 fps</source>
        <translation>%1 — リンク、サービス側で %2 fps で抽出</translation>
    </message>
    <message>
        <source>%1 — %2, %3 frames at %4 fps, %5 px, %6 MiB, ≈%7 tokens</source>
        <translation>%1 — %2、%3 フレーム（%4 fps）、%5 px、%6 MiB、約 %7 トークン</translation>
    </message>
    <message>
        <source>frames reduced from %1×%2 to %3×%4 px to keep the video under %5</source>
        <translation>動画を %5 以下に収めるため、フレームを %1×%2 から %3×%4 px に縮小しました</translation>
    </message>
    <message>
        <source>JPEG quality of the frames lowered to keep the video under the limit</source>
        <translation>動画を上限内に収めるため、フレームの JPEG 品質を下げました</translation>
    </message>
    <message>
        <source>%1 of %2 frames left out to stay under %3: sent as %4 fps</source>
        <translation>%3 以下に収めるため %2 フレーム中 %1 フレームを省きました：%4 fps として送信します</translation>
    </message>
    <message>
        <source>the clip ends at %1 s, before its stated length of %2 s: %3 frames sent</source>
        <translation>動画は表示上の長さ %2 秒より前の %1 秒で終わっています：%3 フレームを送信します</translation>
    </message>
    <message>
        <source>%1 takes at most %2 frames of a video; %2 are sent</source>
        <translation>%1 が受け付ける動画のフレーム数は最大 %2 のため、%2 フレームを送信します</translation>
    </message>
    <message>
        <source>%1 frames over %2 minutes are %3 s apart, more than the %4 s the fps field can say: times in the answer are approximate</source>
        <translation>%2 分間に %1 フレームだと間隔は %3 秒となり、fps で表せる %4 秒を超えます：回答中の時刻はおおよそです</translation>
    </message>
    <message>
        <source>%1 frames spread over the whole clip instead of %2 (%3 fps): sent as %4 fps, their real spacing</source>
        <translation>%2 フレーム（%3 fps）ではなく、動画全体に均等に %1 フレームを配置しました：実際の間隔である %4 fps として送信します</translation>
    </message>
</context>
<context>
    <name>Batch</name>
    <message>
        <source>get its rows later with %1 (progress: %2)</source>
        <translation>結果の行はあとで %1 で取得できます（進み具合：%2）</translation>
    </message>
    <message>
        <source>Every input is already in the output file; nothing to send.</source>
        <translation>すべての入力はすでに出力ファイルにあります。送信するものはありません。</translation>
    </message>
    <message>
        <source>Uploading %1 requests (%2)…</source>
        <translation>%1 件のリクエストをアップロードしています（%2）…</translation>
    </message>
    <message>
        <source>Batch %1 created; it keeps running on the service if this stops: %2.</source>
        <translation>バッチ %1 を作成しました。ここで止めてもサービス側で実行が続きます：%2。</translation>
    </message>
    <message>
        <source>Batch %1: %2</source>
        <translation>バッチ %1：%2</translation>
    </message>
    <message>
        <source>Stopped waiting; batch %1 keeps running: %2.</source>
        <translation>待機をやめました。バッチ %1 は実行を続けています：%2。</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif *.tif *.tiff *.heic *.heif *.avif);;Lists with a path column (*.csv *.jsonl);;All files (*)</source>
        <translation>画像 (*.png *.jpg *.jpeg *.webp *.bmp *.gif *.tif *.tiff *.heic *.heif *.avif);;パス列のあるリスト (*.csv *.jsonl);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Custom question</source>
        <translation>独自の質問</translation>
    </message>
    <message>
        <source>Ask about many images</source>
        <translation>複数の画像について質問</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>質問</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>フォルダー…</translation>
    </message>
    <message>
        <source>Files…</source>
        <translation>ファイル…</translation>
    </message>
    <message>
        <source>Images:</source>
        <translation>画像：</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>質問：</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>モデル：</translation>
    </message>
    <message>
        <source>At once:</source>
        <translation>同時実行数：</translation>
    </message>
    <message>
        <source>The question asked about each image</source>
        <translation>各画像について尋ねる質問</translation>
    </message>
    <message>
        <source>How many requests go at once; fewer when the service says to slow down</source>
        <translation>同時に送るリクエストの数（サービスから減速を求められると少なくなります）</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進行状況</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <source>No new request starts; those on their way finish</source>
        <translation>新しいリクエストは開始しません。送信済みのものは最後まで処理されます</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Stop: the rows finished are kept</source>
        <translation>停止します。完了した行は残ります</translation>
    </message>
    <message>
        <source>Double-click a row to open it as a conversation</source>
        <translation>行をダブルクリックすると会話として開きます</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV に書き出す…</translation>
    </message>
    <message>
        <source>Export JSONL…</source>
        <translation>JSONL に書き出す…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未開始</translation>
    </message>
    <message>
        <source>Ask about the images in a folder</source>
        <translation>フォルダー内の画像について質問</translation>
    </message>
    <message>
        <source>Ask about these images</source>
        <translation>これらの画像について質問</translation>
    </message>
    <message>
        <source>Export the results as %1</source>
        <translation>結果を %1 で書き出す</translation>
    </message>
    <message>
        <source>Choose a folder (every image in it and below) or files.</source>
        <translation>フォルダー（その中とサブフォルダーのすべての画像）またはファイルを選んでください。</translation>
    </message>
    <message>
        <source>Looking for images…</source>
        <translation>画像を探しています…</translation>
    </message>
    <message>
        <source>%1 selections</source>
        <translation>選択した %1 項目</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%2 で%1</translation>
    </message>
    <message>
        <source>Choose images and type a question first.</source>
        <translation>先に画像を選び、質問を入力してください。</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>%2 件中 %1 件完了</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 件失敗</translation>
    </message>
    <message>
        <source>%1 images/s</source>
        <translation>%1 枚/秒</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>残り約 %1</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 トークン</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <source>Cancelled: %1 answered, %2 failed of %3 in %4</source>
        <translation>キャンセルしました：%3 件中 %1 件に回答、%2 件が失敗（%4）</translation>
    </message>
    <message>
        <source>Finished: %1 answered, %2 failed of %3 in %4</source>
        <translation>完了しました：%3 件中 %1 件に回答、%2 件が失敗（%4）</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Cancelling: the rows finished are kept…</source>
        <translation>キャンセルしています。完了した行は残ります…</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>もう一度開始</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
    </message>
</context>
<context>
    <name>BatchRun</name>
    <message>
        <source>The batch stopped: %1</source>
        <translation>一括処理が停止しました：%1</translation>
    </message>
    <message>
        <source>No API key is set for this endpoint: set one with File ▸ Set API key…, then start again.</source>
        <translation>このエンドポイントの API キーが設定されていません。「ファイル ▸ API キーを設定…」で設定してから、もう一度開始してください。</translation>
    </message>
    <message>
        <source>No API key is set for region %1: set one with File ▸ Set API key…, then start again.</source>
        <translation>リージョン %1 の API キーが設定されていません。「ファイル ▸ API キーを設定…」で設定してから、もう一度開始してください。</translation>
    </message>
    <message>
        <source>Opened without its image: %1</source>
        <translation>画像なしで開きました：%1</translation>
    </message>
    <message>
        <source>The inputs cannot be listed: %1.</source>
        <translation>入力の一覧を取得できません：%1。</translation>
    </message>
    <message>
        <source>1 image found</source>
        <translation>画像が 1 枚見つかりました</translation>
    </message>
    <message>
        <source>%1 images found</source>
        <translation>画像が %1 枚見つかりました</translation>
    </message>
    <message>
        <source>The results could not be exported to %1: %2.</source>
        <translation>結果を %1 に書き出せませんでした：%2。</translation>
    </message>
    <message>
        <source>Exported 1 row to %1</source>
        <translation>1 行を %1 に書き出しました</translation>
    </message>
    <message>
        <source>Exported %2 rows to %1</source>
        <translation>%2 行を %1 に書き出しました</translation>
    </message>
</context>
<context>
    <name>BatchTool</name>
    <message>
        <source>Ask about many &amp;images…</source>
        <translation>複数の画像についてまとめて質問(&amp;I)…</translation>
    </message>
    <message>
        <source>One question about every image in a folder, answers in a table</source>
        <translation>フォルダー内のすべての画像に同じ質問をして、回答を表にまとめます</translation>
    </message>
    <message>
        <source>region %1</source>
        <translation>リージョン %1</translation>
    </message>
    <message>
        <source>The row is open: ask a follow-up about its image.</source>
        <translation>この行を開きました。画像について続けて質問できます。</translation>
    </message>
</context>
<context>
    <name>CaptureTools</name>
    <message>
        <source>copied image</source>
        <translation>コピーした画像</translation>
    </message>
    <message>
        <source>screen capture</source>
        <translation>スクリーンキャプチャー</translation>
    </message>
    <message>
        <source>Quick prompts: %1</source>
        <translation>クイックプロンプト：%1</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>貼り付け(&amp;P)</translation>
    </message>
    <message>
        <source>Attach the clipboard&apos;s image, or paste its text</source>
        <translation>クリップボードの画像を添付するか、テキストを貼り付けます</translation>
    </message>
    <message>
        <source>Capture &amp;region…</source>
        <translation>領域をキャプチャー(&amp;R)…</translation>
    </message>
    <message>
        <source>Drag a rectangle on the screen; it becomes an image</source>
        <translation>画面上で範囲をドラッグすると、その部分が画像になります</translation>
    </message>
    <message>
        <source>Capture and e&amp;xtract text…</source>
        <translation>キャプチャーしてテキストを抽出(&amp;X)…</translation>
    </message>
    <message>
        <source>Drag a rectangle on the screen; its text goes to the clipboard</source>
        <translation>画面上で範囲をドラッグすると、その中のテキストがクリップボードにコピーされます</translation>
    </message>
    <message>
        <source>&amp;Watch clipboard</source>
        <translation>クリップボードを監視(&amp;W)</translation>
    </message>
    <message>
        <source>Attach every new image copied to the clipboard</source>
        <translation>クリップボードに新しくコピーされた画像をすべて添付します</translation>
    </message>
    <message>
        <source>Edit &amp;quick prompts…</source>
        <translation>クイックプロンプトを編集(&amp;Q)…</translation>
    </message>
    <message>
        <source>● Watching clipboard</source>
        <translation>● クリップボードを監視中</translation>
    </message>
    <message>
        <source>Each new image copied to the clipboard is attached to the next question. Click to stop watching.</source>
        <translation>クリップボードに新しくコピーされた画像は、次の質問に添付されます。クリックすると監視を停止します。</translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation>クリップボードに画像がありません。</translation>
    </message>
    <message>
        <source>%1 links will be sent; the service downloads the image.</source>
        <translation>%1 件のリンクを送信します。画像はサービス側でダウンロードされます。</translation>
    </message>
    <message>
        <source>The link will be sent; the service downloads the image.</source>
        <translation>リンクを送信します。画像はサービス側でダウンロードされます。</translation>
    </message>
    <message>
        <source>Watching the clipboard: each new image copied is attached.</source>
        <translation>クリップボードを監視しています。新しくコピーした画像はすべて添付されます。</translation>
    </message>
    <message>
        <source>Stopped watching the clipboard.</source>
        <translation>クリップボードの監視を停止しました。</translation>
    </message>
    <message>
        <source>Copied %1×%2 image attached (watching the clipboard).</source>
        <translation>コピーした %1×%2 の画像を添付しました（クリップボードを監視中）。</translation>
    </message>
    <message>
        <source>Copied image attached (watching the clipboard).</source>
        <translation>コピーした画像を添付しました（クリップボードを監視中）。</translation>
    </message>
    <message>
        <source>A capture is already running (Esc cancels it).</source>
        <translation>キャプチャーはすでに実行中です（Esc でキャンセル）。</translation>
    </message>
    <message>
        <source>Capture cancelled.</source>
        <translation>キャプチャーをキャンセルしました。</translation>
    </message>
    <message>
        <source>Screen capture %1×%2 attached.</source>
        <translation>%1×%2 のスクリーンキャプチャーを添付しました。</translation>
    </message>
    <message>
        <source>Screen capture attached.</source>
        <translation>スクリーンキャプチャーを添付しました。</translation>
    </message>
    <message>
        <source>Capture region</source>
        <translation>領域をキャプチャー</translation>
    </message>
    <message>
        <source>The screen could not be captured.</source>
        <translation>画面をキャプチャーできませんでした。</translation>
    </message>
    <message>
        <source>Capture region did not work here: see the dialog.</source>
        <translation>この環境では領域のキャプチャーができませんでした。ダイアログを確認してください。</translation>
    </message>
    <message>
        <source>Still running in the tray: Capture, Ask about clipboard, Quit.</source>
        <translation>トレイで実行を続けています：キャプチャー、クリップボードについて質問、終了。</translation>
    </message>
</context>
<context>
    <name>ChatController</name>
    <message>
        <source>locked by the system-wide configuration</source>
        <translation>システム全体の設定で固定</translation>
    </message>
    <message>
        <source>named on the command line</source>
        <translation>コマンドラインで指定</translation>
    </message>
    <message>
        <source>%1 does not list %2; kept: %3.</source>
        <translation>%1 の一覧に %2 はありませんが、そのまま使います（%3）。</translation>
    </message>
    <message>
        <source>%1 does not offer %2: switched to %3.</source>
        <translation>%1 では %2 を利用できないため、%3 に切り替えました。</translation>
    </message>
    <message>
        <source>The custom endpoint</source>
        <translation>カスタムエンドポイント</translation>
    </message>
    <message>
        <source>%1 cannot read images. Switch to %2 to ask about them.</source>
        <translation>%1 は画像を読み取れません。画像について質問するには %2 に切り替えてください。</translation>
    </message>
    <message>
        <source>%1 cannot read images.</source>
        <translation>%1 は画像を読み取れません。</translation>
    </message>
    <message>
        <source>The question being edited is no longer in the conversation.</source>
        <translation>編集中の質問は、もう会話にありません。</translation>
    </message>
    <message>
        <source>Question edited: 1 turn dropped.</source>
        <translation>質問を編集しました：1 件のやり取りを削除しました。</translation>
    </message>
    <message>
        <source>Question edited: %1 turns dropped.</source>
        <translation>質問を編集しました：%1 件のやり取りを削除しました。</translation>
    </message>
    <message>
        <source>Edit undone: the earlier turns are back.</source>
        <translation>編集を元に戻しました。以前のやり取りが戻りました。</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>予期しないエラー：%1</translation>
    </message>
</context>
<context>
    <name>CliAnnotate</name>
    <message>
        <source>--annotate-image chooses the image --annotate draws on; add it.</source>
        <translation>--annotate-image は --annotate で描く画像を選ぶオプションです。--annotate も指定してください。</translation>
    </message>
    <message>
        <source>--annotate draws on an image of the question; add one with --image.</source>
        <translation>--annotate は質問の画像に描き込みます。--image で画像を追加してください。</translation>
    </message>
    <message>
        <source>--annotate-image %1: the question has 1 image.</source>
        <translation>--annotate-image %1: 質問の画像は 1 枚です。</translation>
    </message>
    <message>
        <source>--annotate-image %1: the question has %2 images.</source>
        <translation>--annotate-image %1: 質問の画像は %2 枚です。</translation>
    </message>
    <message>
        <source>--annotate needs the pixels of image %1, a link the service fetches itself; download it and pass the file instead.</source>
        <translation>--annotate には画像 %1 のピクセルが必要ですが、これはサービスが自分で取得するリンクです。ダウンロードしてファイルとして渡してください。</translation>
    </message>
    <message>
        <source>--annotate %1: name the file .png, .jpg or .webp to choose its format.</source>
        <translation>--annotate %1: 形式を選ぶため、ファイル名を .png、.jpg または .webp にしてください。</translation>
    </message>
    <message>
        <source>No boxes or points for image %1 in the answer; %2 not written.</source>
        <translation>回答には画像 %1 のボックスもポイントもありません。%2 は書き出していません。</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 box(es), %3 point(s) on image %4).</source>
        <translation>%1 を書き出しました（画像 %4 にボックス %2 個、ポイント %3 個）。</translation>
    </message>
</context>
<context>
    <name>CliAsk</name>
    <message>
        <source>Give a question (PROMPT) or a task (--task ocr, table, …).</source>
        <translation>質問（PROMPT）かタスク（--task ocr、table など）を指定してください。</translation>
    </message>
    <message>
        <source>note: %1; nothing written to %2</source>
        <translation>注意: %1。%2 には何も書き出していません</translation>
    </message>
    <message>
        <source>%1 only answers as a stream (stream-only model); drop --no-stream.</source>
        <translation>%1 はストリームでしか回答しません（ストリーム専用モデル）。--no-stream を外してください。</translation>
    </message>
    <message>
        <source>%1 only answers as a stream (thinking model); drop --no-stream.</source>
        <translation>%1 はストリームでしか回答しません（思考モデル）。--no-stream を外してください。</translation>
    </message>
    <message>
        <source>thinking answers are only available streamed; drop --no-stream.</source>
        <translation>思考を伴う回答はストリームでのみ受け取れます。--no-stream を外してください。</translation>
    </message>
    <message>
        <source>note: %1 is not listed for region %2; sending anyway.</source>
        <translation>注意: %1 はリージョン %2 の一覧にありませんが、そのまま送信します。</translation>
    </message>
</context>
<context>
    <name>CliBatch</name>
    <message>
        <source>No inputs given: name image files, folders, globs or a list.</source>
        <translation>入力がありません。画像ファイル、フォルダー、glob パターン、または一覧ファイルを指定してください。</translation>
    </message>
    <message>
        <source>--via-batch-api writes its rows to a file: add --output FILE.</source>
        <translation>--via-batch-api は結果の行をファイルに書き出します。--output FILE を指定してください。</translation>
    </message>
    <message>
        <source>resuming: %1 rows already in %2; asking again the %3 that failed</source>
        <translation>再開: %2 には %1 行が記録済みです。失敗した %3 件をもう一度問い合わせます</translation>
    </message>
    <message>
        <source>resuming: %1 rows already in %2</source>
        <translation>再開: %2 には %1 行が記録済みです</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失敗: %1</translation>
    </message>
    <message>
        <source>stopped; the rows done are in %1, rerun to go on</source>
        <translation>中断しました。完了した行は %1 にあります。同じコマンドを再実行すると続きから処理します</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>中断しました</translation>
    </message>
    <message>
        <source>%1 succeeded</source>
        <translation>成功 %1 件</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>失敗 %1 件</translation>
    </message>
    <message>
        <source>%1 skipped (done before)</source>
        <translation>スキップ %1 件（処理済み）</translation>
    </message>
    <message>
        <source>%1 inputs: %2 in %3 s, %4 tokens; rows in %5</source>
        <translation>入力 %1 件: %2（%3 秒、%4 トークン）。結果の行は %5 にあります</translation>
    </message>
    <message>
        <source>%1 inputs: %2 in %3 s, %4 tokens</source>
        <translation>入力 %1 件: %2（%3 秒、%4 トークン）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 トークン</translation>
    </message>
    <message>
        <source>%1 skipped</source>
        <translation>スキップ %1 件</translation>
    </message>
    <message>
        <source>%1 at once</source>
        <translation>同時 %1 件</translation>
    </message>
    <message>
        <source>%1/%2 done, %3/s, ETA %4 s, %5</source>
        <translation>%1/%2 件完了、%3 件/秒、残り約 %4 秒、%5</translation>
    </message>
    <message>
        <source>%1/%2 done, %3/s, %5</source>
        <translation>%1/%2 件完了、%3 件/秒、%5</translation>
    </message>
</context>
<context>
    <name>CliConfig</name>
    <message>
        <source>--set expects NAME=VALUE, got %1</source>
        <translation>--set には NAME=VALUE の形で指定してください（指定された値: %1）</translation>
    </message>
    <message>
        <source># Effective settings. Layers, lowest first: default &lt; system file &lt; user file
# &lt; environment &lt; command line. Each line names the layer its value came from.</source>
        <translation># 有効な設定。レイヤー（低い順）: default &lt; system file &lt; user file
# &lt; environment &lt; command line。各行に値の由来となったレイヤーを示します。</translation>
    </message>
    <message>
        <source># %1 not set</source>
        <translation># %1 は未設定</translation>
    </message>
    <message>
        <source>%1 [locked]</source>
        <translation>%1 [ロック中]</translation>
    </message>
    <message>
        <source># endpoint in use: %1 (region %2)</source>
        <translation># 使用中のエンドポイント: %1（リージョン %2）</translation>
    </message>
    <message>
        <source>%1; named by %2</source>
        <translation>%1、%2 で指定</translation>
    </message>
</context>
<context>
    <name>CliJobs</name>
    <message>
        <source>The service stops it shortly; requests already answered are kept: %1.</source>
        <translation>サービスはまもなくジョブを停止します。回答済みのリクエストは保持されます: %1。</translation>
    </message>
    <message>
        <source>No batch jobs for this key at this endpoint.</source>
        <translation>このキーとエンドポイントのバッチジョブはありません。</translation>
    </message>
    <message>
        <source>created: %1</source>
        <translation>作成日時: %1</translation>
    </message>
    <message>
        <source>model: %1</source>
        <translation>モデル: %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>エラー: %1</translation>
    </message>
    <message>
        <source>rows: `qwenvl-desktop jobs results %1 --output FILE`</source>
        <translation>結果の行: `qwenvl-desktop jobs results %1 --output FILE`</translation>
    </message>
    <message>
        <source>still running: %1</source>
        <translation>実行中: %1</translation>
    </message>
    <message>
        <source>%1 is still %2; nothing was written. Try again later, or add --wait.</source>
        <translation>%1 はまだ %2 です。何も書き出していません。後でもう一度実行するか、--wait を付けてください。</translation>
    </message>
    <message>
        <source>%1 (%2): %3 rows answered, %4 failed, in %5</source>
        <translation>%1（%2）: 回答 %3 行、失敗 %4 行、出力先 %5</translation>
    </message>
</context>
<context>
    <name>CliKeys</name>
    <message>
        <source> or </source>
        <translation> または </translation>
    </message>
    <message>
        <source>No API key for the endpoint %1. Set the environment variable %2, or store one in the OS keyring with `qwenvl-desktop key set %3`.</source>
        <translation>エンドポイント %1 の API キーがありません。環境変数 %2 を設定するか、`qwenvl-desktop key set %3` で OS のキーリングに保存してください。</translation>
    </message>
    <message>
        <source>No API key for region %1. Set the environment variable %2, or store one in the OS keyring with `qwenvl-desktop key set %3`.</source>
        <translation>リージョン %1 の API キーがありません。環境変数 %2 を設定するか、`qwenvl-desktop key set %3` で OS のキーリングに保存してください。</translation>
    </message>
    <message>
        <source> (The OS keyring is not available: %1.)</source>
        <translation>（OS のキーリングを利用できません: %1。）</translation>
    </message>
    <message>
        <source>no custom endpoint is configured; give --region or --base-url.</source>
        <translation>カスタムエンドポイントが設定されていません。--region か --base-url を指定してください。</translation>
    </message>
    <message>
        <source>the endpoint %1</source>
        <translation>エンドポイント %1</translation>
    </message>
    <message>
        <source>region %1</source>
        <translation>リージョン %1</translation>
    </message>
    <message>
        <source>No OS keyring is available (%1), so the key cannot be saved — and it is never written to a file instead. Use one of these:
  - set the environment variable %2 for the program, or
  - open the window and enter the key there for this session only (kept in memory, asked for again next time).</source>
        <translation>OS のキーリングを利用できないため（%1）、キーを保存できません。ファイルに書き出すこともありません。次のどちらかを使ってください:
  - 環境変数 %2 をこのプログラム用に設定する
  - ウィンドウを開き、このセッションに限りそこでキーを入力する（メモリ上にのみ保持され、次回は再入力が必要です）</translation>
    </message>
    <message>
        <source>no backend</source>
        <translation>バックエンドなし</translation>
    </message>
    <message>
        <source>No key was given: there is no standard input.</source>
        <translation>キーが渡されていません。標準入力がありません。</translation>
    </message>
    <message>
        <source>API key for %1 (input hidden): </source>
        <translation>%1 の API キー（入力は表示されません）: </translation>
    </message>
    <message>
        <source>Stored the key %1 for %2 in the %3.</source>
        <translation>キー %1 を %2 用として %3 に保存しました。</translation>
    </message>
    <message>
        <source>note: it does not look like a Model Studio key (sk-…); stored anyway.</source>
        <translation>注意: Model Studio のキー（sk-…）には見えませんが、そのまま保存しました。</translation>
    </message>
    <message>
        <source>note: %1 is set in this environment and is used instead of the stored key.</source>
        <translation>注意: この環境では %1 が設定されているため、保存したキーではなくそちらが使われます。</translation>
    </message>
    <message>
        <source>Check it with: qwenvl-desktop key check %1</source>
        <translation>確認するには: qwenvl-desktop key check %1</translation>
    </message>
    <message>
        <source>No OS keyring is available (%1); there is no stored key to delete.</source>
        <translation>OS のキーリングを利用できません（%1）。削除する保存済みのキーはありません。</translation>
    </message>
    <message>
        <source>Deleted the stored key for %1.</source>
        <translation>%1 の保存済みキーを削除しました。</translation>
    </message>
    <message>
        <source>No key was stored for %1.</source>
        <translation>%1 のキーは保存されていませんでした。</translation>
    </message>
    <message>
        <source>OS keyring: %1 (service %2)</source>
        <translation>OS のキーリング: %1（サービス %2）</translation>
    </message>
    <message>
        <source>OS keyring: not available — %1.</source>
        <translation>OS のキーリング: 利用できません — %1。</translation>
    </message>
    <message>
        <source>  Keys can come from the environment or be entered in the window for one session.</source>
        <translation>  キーは環境変数から渡すか、ウィンドウでそのセッションに限り入力できます。</translation>
    </message>
    <message>
        <source>In use by default: %1 (from %2)</source>
        <translation>既定で使用: %1（%2 から）</translation>
    </message>
    <message>
        <source>Checking the key %1 from %2 at %3 …</source>
        <translation>%2 のキー %1 を %3 で確認しています…</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有効</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>無効</translation>
    </message>
    <message>
        <source>likely region mismatch</source>
        <translation>リージョンが違う可能性があります</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>接続できません</translation>
    </message>
    <message>
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>region mismatch</source>
        <translation>リージョンが違います</translation>
    </message>
</context>
<context>
    <name>CliMain</name>
    <message>
        <source>a command is needed here; `qwenvl-desktop` alone opens the window</source>
        <translation>ここではコマンドが必要です。`qwenvl-desktop` だけで実行するとウィンドウが開きます</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>中断しました</translation>
    </message>
    <message>
        <source>internal error: %1: %2 (set QWENVL_DESKTOP_DEBUG=1 for the traceback)</source>
        <translation>内部エラー: %1: %2（トレースバックを見るには QWENVL_DESKTOP_DEBUG=1 を設定してください）</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>エラー: %1</translation>
    </message>
</context>
<context>
    <name>CliModels</name>
    <message>
        <source>always reasons step by step before it answers (slower, billed as output)</source>
        <translation>回答の前に必ず段階的に推論します（遅くなり、出力として課金されます）</translation>
    </message>
    <message>
        <source>can reason before it answers; --thinking switches that on</source>
        <translation>回答の前に推論できます。--thinking で有効になります</translation>
    </message>
    <message>
        <source>answers only as a stream; --no-stream is refused</source>
        <translation>ストリームでのみ回答します。--no-stream は使えません</translation>
    </message>
    <message>
        <source>made for reading the text in images</source>
        <translation>画像内の文字の読み取り用</translation>
    </message>
    <message>
        <source>also takes video</source>
        <translation>動画も扱えます</translation>
    </message>
    <message>
        <source>can point at things: boxes on a 0-1000 grid over the image</source>
        <translation>物体の位置を示せます: 画像上の 0〜1000 のグリッドによるボックス</translation>
    </message>
    <message>
        <source>can point at things: boxes in pixels of the image as the service resized it</source>
        <translation>物体の位置を示せます: サービスがリサイズした画像のピクセル単位のボックス</translation>
    </message>
    <message>
        <source>each image token covers N x N pixels</source>
        <translation>画像トークン 1 つが N x N ピクセルに相当します</translation>
    </message>
    <message>
        <source>the most tokens one conversation can hold (questions, images, answers)</source>
        <translation>1 つの会話に収まる最大トークン数（質問、画像、回答）</translation>
    </message>
    <message>
        <source>the longest answer, in tokens</source>
        <translation>回答の最大長（トークン数）</translation>
    </message>
    <message>
        <source>cannot read images</source>
        <translation>画像を読み取れません</translation>
    </message>
    <message>
        <source>not in the built-in catalog: what it can do is guessed from its name</source>
        <translation>組み込みカタログにありません。機能は名前から推測しています</translation>
    </message>
    <message>
        <source>a name from your configuration ([models.&quot;…&quot;] like = NAME): it behaves as NAME</source>
        <translation>設定ファイルで付けた名前です（[models.&quot;…&quot;] like = NAME）。NAME と同じように動作します</translation>
    </message>
    <message>
        <source>Flags:</source>
        <translation>フラグ:</translation>
    </message>
    <message>
        <source>Every model of the built-in catalog (%1); a custom endpoint may serve others, which work with the defaults of the family their name resembles.</source>
        <translation>組み込みカタログの全モデル（%1 個）。カスタムエンドポイントはほかのモデルも提供することがあり、それらは名前が似ているファミリーの既定値で動作します。</translation>
    </message>
    <message>
        <source>Models offered in %1 (%2, %3): %4</source>
        <translation>%1（%2、%3）で提供されているモデル: %4 個</translation>
    </message>
</context>
<context>
    <name>CliOptions</name>
    <message>
        <source>%1: %2; a key works only in its own region (default: %3)</source>
        <translation>%1: %2。キーは発行されたリージョンでのみ使えます（既定: %3）</translation>
    </message>
    <message>
        <source>%1: %2 (default: %3)</source>
        <translation>%1: %2（既定: %3）</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>使い方: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置引数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>オプション</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>このヘルプを表示して終了します</translation>
    </message>
    <message>
        <source>%1: error: %2</source>
        <translation>%1: エラー: %2</translation>
    </message>
    <message>
        <source>the Model Studio region</source>
        <translation>Model Studio のリージョン</translation>
    </message>
    <message>
        <source>from configuration, else intl</source>
        <translation>設定から。未設定なら intl</translation>
    </message>
    <message>
        <source>any OpenAI-compatible base URL (the part before /chat/completions)</source>
        <translation>OpenAI 互換の任意のベース URL（/chat/completions より前の部分）</translation>
    </message>
    <message>
        <source>model name (default from configuration, else qwen3-vl-plus)</source>
        <translation>モデル名（既定は設定から。未設定なら qwen3-vl-plus）</translation>
    </message>
    <message>
        <source>Ask Qwen vision-language models about images. Without a command, opens the window.</source>
        <translation>Qwen の視覚言語モデルに画像について質問します。コマンドを指定しないとウィンドウを開きます。</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>プログラムのバージョンを表示して終了します</translation>
    </message>
    <message>
        <source>open screen-region capture (in the running window)</source>
        <translation>画面の範囲キャプチャを開きます（起動中のウィンドウで）</translation>
    </message>
    <message>
        <source>capture a screen region and put its text on the clipboard (Extract text, in the running window; a notification says when)</source>
        <translation>画面の範囲をキャプチャし、その文字をクリップボードに入れます（起動中のウィンドウの「文字を抽出」。完了は通知でお知らせします）</translation>
    </message>
    <message>
        <source>ask one question; the answer streams to stdout</source>
        <translation>質問を 1 つ送ります。回答は標準出力に順次表示されます</translation>
    </message>
    <message>
        <source>the question (with --task: more words added to the task&apos;s question)</source>
        <translation>質問（--task と併用すると、タスクの質問に付け加える言葉）</translation>
    </message>
    <message>
        <source>an image to send (repeatable, order kept): a local file or an http(s) URL</source>
        <translation>送信する画像（繰り返し指定可、順序は保たれます）: ローカルファイルまたは http(s) の URL</translation>
    </message>
    <message>
        <source>ask for the whole answer at once</source>
        <translation>回答をストリームせず、まとめて受け取ります</translation>
    </message>
    <message>
        <source>switch thinking on</source>
        <translation>思考をオンにします</translation>
    </message>
    <message>
        <source>switch thinking off</source>
        <translation>思考をオフにします</translation>
    </message>
    <message>
        <source>most reasoning tokens</source>
        <translation>推論トークンの上限</translation>
    </message>
    <message>
        <source>a system prompt</source>
        <translation>システムプロンプト</translation>
    </message>
    <message>
        <source>print one JSON object at the end instead of streaming</source>
        <translation>ストリーム表示せず、最後に JSON オブジェクトを 1 つ出力します</translation>
    </message>
    <message>
        <source>reasoning text to stderr as it arrives</source>
        <translation>推論のテキストを届いた順に標準エラー出力へ表示します</translation>
    </message>
    <message>
        <source>image detail: standard, the pixels the model uses by default; high, up to 16,384 tokens per image where the model takes the high-resolution flag; economy, at most --economy-tokens per image</source>
        <translation>画像の精細度: standard はモデル既定のピクセル数、high は高解像度フラグに対応するモデルで画像 1 枚あたり最大 16,384 トークン、economy は画像 1 枚あたり最大 --economy-tokens トークン</translation>
    </message>
    <message>
        <source>with --detail economy: at most N image tokens per image (default 512; never more than standard, never under 4)</source>
        <translation>--detail economy のとき: 画像 1 枚あたりの画像トークンの上限 N（既定 512。standard を超えず、4 未満にはなりません）</translation>
    </message>
    <message>
        <source>sampling temperature, 0 to under 2: lower gives steadier, more literal answers (default: the model&apos;s)</source>
        <translation>サンプリング温度。0 以上 2 未満。低いほど安定した、文字どおりの回答になります（既定: モデルの値）</translation>
    </message>
    <message>
        <source>nucleus sampling, over 0 up to 1: pick only among the likeliest words whose probabilities add up to P (default: the model&apos;s)</source>
        <translation>核サンプリング。0 より大きく 1 以下。確率の合計が P になるまでの、最も可能性の高い語の中からだけ選びます（既定: モデルの値）</translation>
    </message>
    <message>
        <source>the longest answer, in tokens; reasoning is not counted (default: the model&apos;s)</source>
        <translation>回答の最大長（トークン数）。推論は含みません（既定: モデルの値）</translation>
    </message>
    <message>
        <source>the same seed makes repeated questions give more alike answers (default: random)</source>
        <translation>同じシードを使うと、同じ質問を繰り返したときの回答が似たものになります（既定: ランダム）</translation>
    </message>
    <message>
        <source>%1 is not a number</source>
        <translation>%1 は数値ではありません</translation>
    </message>
    <message>
        <source>%1 is outside 0.1 to 10 frames a second</source>
        <translation>%1 は 0.1〜10 フレーム/秒の範囲外です</translation>
    </message>
    <message>
        <source>%1 is not a whole number</source>
        <translation>%1 は整数ではありません</translation>
    </message>
    <message>
        <source>%1 is below 4, the fewest frames a video can have</source>
        <translation>%1 は 4 未満です。動画は最低 4 フレーム必要です</translation>
    </message>
    <message>
        <source>a video to send (repeatable; videos and images keep their command-line order): a local clip (mp4, mov, webm, mkv, avi…) sent as frames, an animated GIF/APNG/WebP sent as its frames, or an http(s) link the service downloads</source>
        <translation>送信する動画（繰り返し指定可。動画と画像はコマンドラインの順序を保ちます）: ローカルの動画ファイル（mp4、mov、webm、mkv、avi など）はフレームとして、アニメーション GIF/APNG/WebP はそのフレームとして送信し、http(s) のリンクはサービスがダウンロードします</translation>
    </message>
    <message>
        <source>frames a second taken from a local video, 0.1 to 10 (default 2); within the model&apos;s 4 to 512 frames (80 for older families). After a --video it is that video&apos;s alone; before every --video, each video&apos;s (--fps 1 --video A --video B --fps 3: A at 1, B at 3)</source>
        <translation>ローカル動画から 1 秒あたりに取り出すフレーム数。0.1〜10（既定 2）。モデルの上限 4〜512 フレーム（古いファミリーは 80）の範囲に収めます。--video の後に置くとその動画だけに、すべての --video より前に置くと各動画に適用されます（--fps 1 --video A --video B --fps 3 なら A は 1、B は 3）</translation>
    </message>
    <message>
        <source>at most N frames of a video, spread evenly over the whole clip (the fps sent says their real spacing); after a --video, that video&apos;s alone, as --fps</source>
        <translation>動画から取り出すフレームの上限 N。クリップ全体に均等に配分します（送信する fps が実際の間隔を示します）。--video の後に置くとその動画だけに適用されます（--fps と同じ）</translation>
    </message>
    <message>
        <source>ask a document task&apos;s question instead of PROMPT: ocr (extract the text; the region&apos;s OCR model unless --model is given), table (a Markdown table), formula (LaTeX), document (a Markdown page, &apos;qwenvl markdown&apos;), document-html (QwenVL HTML with element boxes)</source>
        <translation>PROMPT の代わりにドキュメントタスクの質問をします: ocr（文字を抽出。--model を指定しなければリージョンの OCR モデルを使用）、table（Markdown の表）、formula（LaTeX）、document（Markdown のページ、&apos;qwenvl markdown&apos;）、document-html（要素のボックス付き QwenVL HTML）</translation>
    </message>
    <message>
        <source>also write the result to FILE: .csv the answer&apos;s tables as CSV, .tex the LaTeX, .md the Markdown, .html the page, else the text (fences removed)</source>
        <translation>結果を FILE にも書き出します: .csv なら回答の表を CSV で、.tex なら LaTeX、.md なら Markdown、.html ならページ、それ以外はテキスト（コードフェンスは除去）</translation>
    </message>
    <message>
        <source>draw the answer&apos;s boxes and points (bbox_2d/point_2d JSON, QwenVL HTML data-bbox) on the first image at its original size and write OUT.png; nothing is written when the answer has none</source>
        <translation>回答のボックスとポイント（bbox_2d/point_2d の JSON、QwenVL HTML の data-bbox）を最初の画像に元のサイズで描き、OUT.png に書き出します。回答にボックスもポイントもなければ何も書き出しません</translation>
    </message>
    <message>
        <source>the image --annotate draws on, 1 for the first (default: 1)</source>
        <translation>--annotate で描き込む画像。1 が最初の画像（既定: 1）</translation>
    </message>
    <message>
        <source>%1 is below 1; at least one request must run</source>
        <translation>%1 は 1 未満です。少なくとも 1 件のリクエストを実行する必要があります</translation>
    </message>
    <message>
        <source>ask the same question about many images; one result row per image</source>
        <translation>多数の画像に同じ質問をします。画像ごとに結果を 1 行出力します</translation>
    </message>
    <message>
        <source>Ask PROMPT about each input, a few requests at a time, and write one row per input as it finishes. Rerun the same command to go on after a stop: inputs whose row succeeded (same file content, prompt and model) are skipped, failed ones asked again. Exit 0 when every row succeeded, 8 when some failed.</source>
        <translation>各入力について PROMPT を、いくつかのリクエストを並行して問い合わせ、完了した順に入力ごとに 1 行書き出します。中断後は同じコマンドを再実行すると続きから処理します。成功した行の入力（同じファイル内容、プロンプト、モデル）はスキップし、失敗したものはもう一度問い合わせます。すべての行が成功すれば終了コード 0、一部が失敗すれば 8 です。</translation>
    </message>
    <message>
        <source>the question for every input (left out with --task)</source>
        <translation>すべての入力に対する質問（--task を使う場合は省略）</translation>
    </message>
    <message>
        <source>image files, folders (recursive), globs (&apos;scans/**/*.png&apos;), http(s) URLs, or a .csv/.jsonl list with a &apos;path&apos; column and an optional per-row &apos;prompt&apos;</source>
        <translation>画像ファイル、フォルダー（再帰的）、glob パターン（&apos;scans/**/*.png&apos;）、http(s) の URL、または &apos;path&apos; 列と任意の行ごとの &apos;prompt&apos; 列を持つ .csv/.jsonl の一覧</translation>
    </message>
    <message>
        <source>results.jsonl or results.csv, appended row by row; without it, JSON lines go to stdout (nothing to resume from)</source>
        <translation>results.jsonl または results.csv。1 行ずつ追記します。指定しなければ JSON Lines を標準出力に出力します（再開はできません）</translation>
    </message>
    <message>
        <source>requests in flight at most; fewer while the service answers 429 (default: 4)</source>
        <translation>同時に実行するリクエストの上限。サービスが 429 を返している間は減らします（既定: 4）</translation>
    </message>
    <message>
        <source>a quick prompt&apos;s question instead of PROMPT: describe, extract-text (or ocr, with the region&apos;s OCR model unless --model is given), explain-error, translate, or one saved in the window</source>
        <translation>PROMPT の代わりにクイックプロンプトの質問を使います: describe、extract-text（または ocr。--model を指定しなければリージョンの OCR モデルを使用）、explain-error、translate、またはウィンドウで保存したもの</translation>
    </message>
    <message>
        <source>image detail: standard, the pixels the model uses by default; high, up to 16,384 tokens per image where the model takes the high-resolution flag; economy, at most 512 tokens per image</source>
        <translation>画像の精細度: standard はモデル既定のピクセル数、high は高解像度フラグに対応するモデルで画像 1 枚あたり最大 16,384 トークン、economy は画像 1 枚あたり最大 512 トークン</translation>
    </message>
    <message>
        <source>send everything as one job of the service&apos;s Batch API (half price, done within 24 h; needs --output) instead of asking now</source>
        <translation>今すぐ問い合わせる代わりに、すべてをサービスの Batch API のジョブ 1 件として送ります（半額、24 時間以内に完了。--output が必要）</translation>
    </message>
    <message>
        <source>the service&apos;s Batch API jobs (batch --via-batch-api): list, status, cancel, results</source>
        <translation>サービスの Batch API ジョブ（batch --via-batch-api）: list、status、cancel、results</translation>
    </message>
    <message>
        <source>Jobs the Batch API runs for this key, asked of the service: they can be followed and fetched from any machine with the key. The key, configuration and endpoint are found as for ask.</source>
        <translation>このキーで Batch API が実行しているジョブをサービスに問い合わせます。キーがあればどのマシンからでも進行を確認し、結果を取得できます。キー、設定、エンドポイントは ask と同じ方法で決まります。</translation>
    </message>
    <message>
        <source>the newest jobs: id, status, progress, model</source>
        <translation>最新のジョブ: ID、状態、進行状況、モデル</translation>
    </message>
    <message>
        <source>most jobs shown</source>
        <translation>表示するジョブの上限</translation>
    </message>
    <message>
        <source>one job&apos;s state and progress</source>
        <translation>1 件のジョブの状態と進行状況</translation>
    </message>
    <message>
        <source>stop a job; requests already answered are kept</source>
        <translation>ジョブを停止します。回答済みのリクエストは保持されます</translation>
    </message>
    <message>
        <source>write a finished job&apos;s rows, in the same format as batch</source>
        <translation>完了したジョブの行を batch と同じ形式で書き出します</translation>
    </message>
    <message>
        <source>results.jsonl or results.csv, appended to (default: ID.jsonl)</source>
        <translation>results.jsonl または results.csv に追記します（既定: ID.jsonl）</translation>
    </message>
    <message>
        <source>wait for the job to finish first</source>
        <translation>先にジョブの完了を待ちます</translation>
    </message>
    <message>
        <source>the job&apos;s id (batch_…)</source>
        <translation>ジョブの ID（batch_…）</translation>
    </message>
    <message>
        <source>the catalog for a region, one model a line with its flags</source>
        <translation>リージョンのカタログ。1 行に 1 モデルとそのフラグ</translation>
    </message>
    <message>
        <source>The models a region offers, as the built-in catalog lists them: name, family and flags (what each flag means is printed below the list).</source>
        <translation>組み込みカタログに載っている、リージョンで提供されるモデル: 名前、ファミリー、フラグ（各フラグの意味は一覧の下に表示します）。</translation>
    </message>
    <message>
        <source>the region to list, or %1 for every model</source>
        <translation>一覧を表示するリージョン。%1 なら全モデル</translation>
    </message>
    <message>
        <source>the configured region</source>
        <translation>設定されたリージョン</translation>
    </message>
    <message>
        <source>the region of the key</source>
        <translation>キーのリージョン</translation>
    </message>
    <message>
        <source>the configured one</source>
        <translation>設定されたもの</translation>
    </message>
    <message>
        <source>a custom endpoint instead of a region</source>
        <translation>リージョンの代わりにカスタムエンドポイントを使います</translation>
    </message>
    <message>
        <source>store, delete, list and check API keys (OS keyring)</source>
        <translation>API キーの保存、削除、一覧表示、確認（OS のキーリング）</translation>
    </message>
    <message>
        <source>API keys live in the OS keyring, one entry per region and per custom endpoint (service %1, user &apos;region:&lt;id&gt;&apos; or &apos;endpoint:&lt;url&gt;&apos;). DASHSCOPE_API_KEY_&lt;REGION&gt; and DASHSCOPE_API_KEY in the environment take precedence.</source>
        <translation>API キーは OS のキーリングに、リージョンごと、カスタムエンドポイントごとに 1 件ずつ保存されます（サービス %1、ユーザー &apos;region:&lt;id&gt;&apos; または &apos;endpoint:&lt;url&gt;&apos;）。環境変数の DASHSCOPE_API_KEY_&lt;REGION&gt; と DASHSCOPE_API_KEY が優先されます。</translation>
    </message>
    <message>
        <source>store a key: read from stdin when piped, else prompted without echo</source>
        <translation>キーを保存します。パイプで渡されれば標準入力から読み、そうでなければ入力を表示せずに尋ねます</translation>
    </message>
    <message>
        <source>delete the stored key</source>
        <translation>保存済みのキーを削除します</translation>
    </message>
    <message>
        <source>each region: stored or not, and the key in use</source>
        <translation>リージョンごとに、保存済みかどうかと使用中のキー</translation>
    </message>
    <message>
        <source>also list this custom endpoint</source>
        <translation>このカスタムエンドポイントも表示します</translation>
    </message>
    <message>
        <source>machine-readable output</source>
        <translation>機械処理向けの出力</translation>
    </message>
    <message>
        <source>check the key with GET {base}/models: valid, invalid or region mismatch</source>
        <translation>GET {base}/models でキーを確認します: 有効、無効、またはリージョン違い</translation>
    </message>
    <message>
        <source>when rejected, try the key at the other regions&apos; endpoints (sends it to them)</source>
        <translation>拒否されたら、ほかのリージョンのエンドポイントでもキーを試します（キーをそれらにも送ります）</translation>
    </message>
    <message>
        <source>show the effective settings, or the configuration files consulted</source>
        <translation>有効な設定、または参照する設定ファイルを表示します</translation>
    </message>
    <message>
        <source>Settings come from TOML files in layers: built-in defaults &lt; system file &lt; user file &lt; environment (QWENVL_DESKTOP_&lt;NAME&gt;) &lt; command line. %1 names a file that takes the user file&apos;s place.</source>
        <translation>設定は TOML ファイルのレイヤーから決まります: 組み込みの既定値 &lt; システムのファイル &lt; ユーザーのファイル &lt; 環境変数（QWENVL_DESKTOP_&lt;NAME&gt;）&lt; コマンドライン。%1 でユーザーのファイルの代わりに使うファイルを指定できます。</translation>
    </message>
    <message>
        <source>the effective settings and the layer of each</source>
        <translation>有効な設定と、それぞれのレイヤー</translation>
    </message>
    <message>
        <source>as a command-line flag would</source>
        <translation>コマンドラインのフラグとして指定した場合と同じ</translation>
    </message>
    <message>
        <source>from configuration</source>
        <translation>設定から</translation>
    </message>
    <message>
        <source>any setting, as a command-line flag (repeatable)</source>
        <translation>任意の設定をコマンドラインのフラグとして指定（繰り返し指定可）</translation>
    </message>
    <message>
        <source>the configuration files consulted, lowest first</source>
        <translation>参照する設定ファイル（低いレイヤーから順に）</translation>
    </message>
</context>
<context>
    <name>CliVideo</name>
    <message>
        <source>note: %1: %2</source>
        <translation>注意: %1: %2</translation>
    </message>
    <message>
        <source>%1 does not take video; choose a model that does (e.g. qwen3-vl-plus).</source>
        <translation>%1 は動画を扱えません。動画に対応したモデルを選んでください（例: qwen3-vl-plus）。</translation>
    </message>
    <message>
        <source>note: %1 is not known to take video; sending the frames anyway.</source>
        <translation>注意: %1 が動画を扱えるかは不明ですが、フレームをそのまま送信します。</translation>
    </message>
    <message>
        <source>frames of %1: %2/%3</source>
        <translation>%1 のフレーム: %2/%3</translation>
    </message>
</context>
<context>
    <name>ClipboardReading</name>
    <message>
        <source>%1 is not an image file.</source>
        <translation>%1 は画像ファイルではありません。</translation>
    </message>
    <message>
        <source>%1: only image files and http(s) image links can be used.</source>
        <translation>%1：使用できるのは画像ファイルと http(s) の画像リンクだけです。</translation>
    </message>
    <message>
        <source>That was text, not an image or a link to one.</source>
        <translation>貼り付けたのはテキストで、画像や画像へのリンクではありません。</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Nothing in that was an image (it carried %1).</source>
        <translation>画像は含まれていませんでした（含まれていた形式：%1）。</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>Copy this code block</source>
        <translation>このコードブロックをコピー</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>note: %1</source>
        <translation>注意: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>%1 に書き込めません: %2。</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告: %1</translation>
    </message>
</context>
<context>
    <name>ConversationWords</name>
    <message>
        <source>pending</source>
        <translation>未送信</translation>
    </message>
    <message>
        <source>streaming</source>
        <translation>受信中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>停止しました</translation>
    </message>
    <message>
        <source>■ Stopped — the answer above is incomplete.</source>
        <translation>■ 停止しました — 上の回答は途中までです。</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗しました</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>未完了</translation>
    </message>
    <message>
        <source>⚠ Incomplete — the app closed while this answer was arriving.</source>
        <translation>⚠ 未完了 — 回答の受信中にアプリが終了しました。</translation>
    </message>
    <message>
        <source>Waiting for the answer…</source>
        <translation>回答を待っています…</translation>
    </message>
    <message>
        <source>An answer is still streaming: press Esc to stop it first.</source>
        <translation>回答を受信中です。先に Esc キーで停止してください。</translation>
    </message>
    <message>
        <source>Rate limited</source>
        <translation>レート制限中</translation>
    </message>
    <message>
        <source>Token quota used up for this minute</source>
        <translation>この 1 分間のトークン上限に達しました</translation>
    </message>
    <message>
        <source>The service had a problem</source>
        <translation>サービスで問題が発生しました</translation>
    </message>
    <message>
        <source>No answer in time</source>
        <translation>時間内に応答がありません</translation>
    </message>
    <message>
        <source>%1 — retrying in %2 s (attempt %3 of %4)</source>
        <translation>%1 — %2 秒後に再試行します（%3 / %4 回目）</translation>
    </message>
    <message>
        <source>%1 — retrying now (attempt %3 of %4)</source>
        <translation>%1 — 再試行しています（%3 / %4 回目）</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <source>Streaming…</source>
        <translation>受信中…</translation>
    </message>
    <message>
        <source>%1 · first token %2 s</source>
        <translation>%1 · 最初のトークンまで %2 秒</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTP ステータス</translation>
    </message>
    <message>
        <source>code</source>
        <translation>コード</translation>
    </message>
    <message>
        <source>request id</source>
        <translation>リクエスト ID</translation>
    </message>
    <message>
        <source>service message</source>
        <translation>サービスのメッセージ</translation>
    </message>
    <message>
        <source>prompt %1</source>
        <translation>入力 %1</translation>
    </message>
    <message>
        <source>completion %1</source>
        <translation>出力 %1</translation>
    </message>
    <message>
        <source>reasoning %1</source>
        <translation>推論 %1</translation>
    </message>
    <message>
        <source>image %1</source>
        <translation>画像 %1</translation>
    </message>
    <message>
        <source>images ≈%1 (estimate)</source>
        <translation>画像 約 %1（推定）</translation>
    </message>
    <message>
        <source>Tokens: %1</source>
        <translation>トークン：%1</translation>
    </message>
    <message>
        <source>Tokens: not reported</source>
        <translation>トークン：報告なし</translation>
    </message>
    <message>
        <source>%1  ·  first token %2 s</source>
        <translation>%1  ·  最初のトークンまで %2 秒</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Qwen-VL Desktop — something went wrong</source>
        <translation>Qwen-VL Desktop — 問題が発生しました</translation>
    </message>
    <message>
        <source>The app keeps running, but what you just did may not have finished. If it happens again, please report it with the details below (they contain no API key).</source>
        <translation>アプリは動作を続けていますが、直前の操作が完了していない可能性があります。再び起きる場合は、下の詳細を添えて報告してください（API キーは含まれていません）。</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>詳細をコピー</translation>
    </message>
    <message>
        <source>An unexpected error occurred: %1</source>
        <translation>予期しないエラーが発生しました：%1</translation>
    </message>
    <message>
        <source>%1 unexpected errors occurred; the latest: %2</source>
        <translation>予期しないエラーが %1 件発生しました。最新のエラー：%2</translation>
    </message>
</context>
<context>
    <name>DisplayProbe</name>
    <message>
        <source>the X display %1 named by DISPLAY cannot be reached (%2); start the app from a desktop session, under `xvfb-run -a`, or with QT_QPA_PLATFORM=offscreen to run it without a visible window.</source>
        <translation>DISPLAY で指定された X ディスプレイ %1 に接続できません（%2）。デスクトップセッションから起動するか、`xvfb-run -a` の下で起動してください。ウィンドウを表示せずに実行するには QT_QPA_PLATFORM=offscreen を指定してください。</translation>
    </message>
    <message>
        <source>the X server refused the connection: check that XAUTHORITY names its cookie</source>
        <translation>X サーバーが接続を拒否しました。XAUTHORITY がそのサーバーの Cookie を指しているか確認してください</translation>
    </message>
    <message>
        <source>no X server listens at %1: %2</source>
        <translation>%1 で待ち受けている X サーバーがありません：%2</translation>
    </message>
    <message>
        <source>no X server answers at %1 port %2: %3</source>
        <translation>%1 のポート %2 で応答する X サーバーがありません：%3</translation>
    </message>
    <message>
        <source>unknown host</source>
        <translation>不明なホスト</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>応答なし</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <source>Text copied</source>
        <translation>テキストをコピーしました</translation>
    </message>
    <message>
        <source>CSV copied</source>
        <translation>CSV をコピーしました</translation>
    </message>
    <message>
        <source>LaTeX copied</source>
        <translation>LaTeX をコピーしました</translation>
    </message>
    <message>
        <source>Reading the text of the capture…</source>
        <translation>キャプチャーのテキストを読み取っています…</translation>
    </message>
    <message>
        <source>%1: the image could not be used (%2).</source>
        <translation>%1：画像を使用できませんでした（%2）。</translation>
    </message>
    <message>
        <source>%1 could not be asked now.</source>
        <translation>今は「%1」を実行できません。</translation>
    </message>
    <message>
        <source>no text was read.</source>
        <translation>テキストを読み取れませんでした。</translation>
    </message>
    <message>
        <source>Extract text did not work: %1</source>
        <translation>テキストの抽出に失敗しました：%1</translation>
    </message>
    <message>
        <source>Text copied (%1 characters): %2</source>
        <translation>テキストをコピーしました（%1 文字）：%2</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
    <message>
        <source>All files (%1)</source>
        <translation>すべてのファイル (%1)</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 を保存できませんでした：%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 に保存しました</translation>
    </message>
</context>
<context>
    <name>DocumentResult</name>
    <message>
        <source>Copy text</source>
        <translation>テキストをコピー</translation>
    </message>
    <message>
        <source>Copy CSV (%1 tables)</source>
        <translation>CSV をコピー（表 %1 個）</translation>
    </message>
    <message>
        <source>Copy CSV</source>
        <translation>CSV をコピー</translation>
    </message>
    <message>
        <source>Save .csv…</source>
        <translation>.csv を保存…</translation>
    </message>
    <message>
        <source>Copy LaTeX</source>
        <translation>LaTeX をコピー</translation>
    </message>
    <message>
        <source>Save Markdown…</source>
        <translation>Markdown を保存…</translation>
    </message>
    <message>
        <source>Show boxes on the page</source>
        <translation>ページ上に枠を表示</translation>
    </message>
    <message>
        <source>Save HTML…</source>
        <translation>HTML を保存…</translation>
    </message>
    <message>
        <source>the answer has no table to write as CSV</source>
        <translation>回答に CSV として書き出せる表がありません</translation>
    </message>
</context>
<context>
    <name>DraftAttachments</name>
    <message>
        <source>dropped image</source>
        <translation>ドロップした画像</translation>
    </message>
    <message>
        <source>pasted image</source>
        <translation>貼り付けた画像</translation>
    </message>
    <message>
        <source>data URI</source>
        <translation>データ URI</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The service could not run the batch.</source>
        <translation>サービスはこのバッチを実行できませんでした。</translation>
    </message>
    <message>
        <source>No batch job %1 at this endpoint for this key: check the id (`jobs list`), the region and the key (a job is seen only by its own region&apos;s keys).</source>
        <translation>このエンドポイントには、このキーで参照できるバッチジョブ %1 がありません。ID（`jobs list`）、リージョン、API キーを確認してください（ジョブは同じリージョンのキーからしか見えません）。</translation>
    </message>
    <message>
        <source>%1 answers only as a stream, and a batch is answered whole; drop --via-batch-api or choose another model.</source>
        <translation>%1 はストリーミングでしか回答しませんが、バッチは回答を一括で返します。--via-batch-api を外すか、別のモデルを選んでください。</translation>
    </message>
    <message>
        <source>%1 inputs are more than one batch takes (%2 requests for %3); split them into several runs.</source>
        <translation>入力 %1 件は 1 回のバッチで扱える量を超えています（%3 では %2 リクエストまで）。複数回の実行に分けてください。</translation>
    </message>
    <message>
        <source>The batch file would be over the service&apos;s %1 limit at %2; split the inputs into several runs (or choose --detail standard).</source>
        <translation>バッチファイルが %2 でサービスの上限 %1 を超えてしまいます。入力を複数回の実行に分けてください（または --detail standard を選んでください）。</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>理由は示されていません</translation>
    </message>
    <message>
        <source>The service could not run batch %1: %2</source>
        <translation>サービスはバッチ %1 を実行できませんでした：%2</translation>
    </message>
    <message>
        <source>No images found in %1.</source>
        <translation>%1 に画像が見つかりません。</translation>
    </message>
    <message>
        <source>%1: no such file or folder.</source>
        <translation>%1：そのようなファイルやフォルダーはありません。</translation>
    </message>
    <message>
        <source>Cannot read the list %1: %2.</source>
        <translation>リスト %1 を読み込めません：%2。</translation>
    </message>
    <message>
        <source>%1, row %2: the path is empty.</source>
        <translation>%1 の %2 行目：パスが空です。</translation>
    </message>
    <message>
        <source>The list %1 has no &apos;path&apos; column (its first row names them).</source>
        <translation>リスト %1 に &apos;path&apos; 列がありません（1 行目が列名です）。</translation>
    </message>
    <message>
        <source>The list %1, line %2, is not JSON.</source>
        <translation>リスト %1 の %2 行目は JSON ではありません。</translation>
    </message>
    <message>
        <source>The list %1, line %2, has no &apos;path&apos; field.</source>
        <translation>リスト %1 の %2 行目に &apos;path&apos; フィールドがありません。</translation>
    </message>
    <message>
        <source>Cannot write the results to %1: %2.</source>
        <translation>結果を %1 に書き込めません：%2。</translation>
    </message>
    <message>
        <source>Cannot read the results file %1: %2.</source>
        <translation>結果ファイル %1 を読み込めません：%2。</translation>
    </message>
    <message>
        <source>%1, line %2, is not a result row; choose another --output file.</source>
        <translation>%1 の %2 行目は結果の行ではありません。--output に別のファイルを指定してください。</translation>
    </message>
    <message>
        <source>%1, line %2, is not a result row.</source>
        <translation>%1 の %2 行目は結果の行ではありません。</translation>
    </message>
    <message>
        <source>%1 is not a results file; choose another --output file.</source>
        <translation>%1 は結果ファイルではありません。--output に別のファイルを指定してください。</translation>
    </message>
    <message>
        <source>history is off for this session: its folder %1 cannot be created</source>
        <translation>このセッションでは履歴がオフです：フォルダー %1 を作成できません</translation>
    </message>
    <message>
        <source>history is off for this session: a new history file cannot be created</source>
        <translation>このセッションでは履歴がオフです：新しい履歴ファイルを作成できません</translation>
    </message>
    <message>
        <source>history is off for this session: the history file is damaged and could not be moved aside</source>
        <translation>このセッションでは履歴がオフです：履歴ファイルが破損しており、退避させることもできませんでした</translation>
    </message>
    <message>
        <source>history is off for this session: the history file was written by a newer version of Qwen-VL Desktop and is left as it is</source>
        <translation>このセッションでは履歴がオフです：履歴ファイルは新しいバージョンの Qwen-VL Desktop で書かれたため、そのままにしてあります</translation>
    </message>
    <message>
        <source>history is off for this session: the history file cannot be created</source>
        <translation>このセッションでは履歴がオフです：履歴ファイルを作成できません</translation>
    </message>
    <message>
        <source>this conversation is no longer in the history</source>
        <translation>この会話は履歴にもうありません</translation>
    </message>
    <message>
        <source>the database reported an error</source>
        <translation>データベースがエラーを報告しました</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>ディスクがいっぱいです</translation>
    </message>
    <message>
        <source>the history file is in use by another program</source>
        <translation>履歴ファイルは別のプログラムが使用中です</translation>
    </message>
    <message>
        <source>the history file is read-only</source>
        <translation>履歴ファイルは読み取り専用です</translation>
    </message>
    <message>
        <source>the history file is damaged</source>
        <translation>履歴ファイルが破損しています</translation>
    </message>
    <message>
        <source>the disk reported an error</source>
        <translation>ディスクがエラーを報告しました</translation>
    </message>
    <message>
        <source>the history file cannot be opened</source>
        <translation>履歴ファイルを開けません</translation>
    </message>
    <message>
        <source>the computer ran out of memory</source>
        <translation>メモリが不足しました</translation>
    </message>
    <message>
        <source>history could not be saved: %1; your conversation stays open</source>
        <translation>履歴を保存できませんでした：%1。会話は開いたままです</translation>
    </message>
    <message>
        <source>the conversation could not be read from the history: %1</source>
        <translation>履歴から会話を読み込めませんでした：%1</translation>
    </message>
    <message>
        <source>history is off for this session: %1</source>
        <translation>このセッションでは履歴がオフです：%1</translation>
    </message>
    <message>
        <source>%1 cannot be made small enough for %2 bytes.</source>
        <translation>「%1」を %2 バイト以下に縮小できません。</translation>
    </message>
    <message>
        <source>%1 is empty (0 bytes).</source>
        <translation>「%1」は空です（0 バイト）。</translation>
    </message>
    <message>
        <source>%1 is damaged: its image header cannot be read.</source>
        <translation>「%1」は破損しています：画像のヘッダーを読み取れません。</translation>
    </message>
    <message>
        <source>%1 claims %2 megapixels, more than the %3-megapixel safety limit for one image (Pillow&apos;s decompression-bomb limit), so it is not decoded. Reduce it in an image editor first.</source>
        <translation>「%1」は %2 メガピクセルと示しており、画像 1 枚あたりの安全上限 %3 メガピクセル（Pillow の解凍爆弾対策の上限）を超えるため、デコードしません。先に画像編集ソフトで縮小してください。</translation>
    </message>
    <message>
        <source>%1 claims more pixels than the safety limit for one image (Pillow&apos;s decompression-bomb limit), so it is not decoded. Reduce it in an image editor first.</source>
        <translation>「%1」は画像 1 枚あたりの安全上限（Pillow の解凍爆弾対策の上限）を超えるピクセル数を示しているため、デコードしません。先に画像編集ソフトで縮小してください。</translation>
    </message>
    <message>
        <source>%1 is a HEIC/HEIF image, and the HEIC decoder is not installed. Install it with: %2</source>
        <translation>「%1」は HEIC/HEIF 画像ですが、HEIC デコーダーがインストールされていません。次のコマンドでインストールしてください：%2</translation>
    </message>
    <message>
        <source>%1 is a damaged HEIC/HEIF image.</source>
        <translation>「%1」は破損した HEIC/HEIF 画像です。</translation>
    </message>
    <message>
        <source>%1 is an AVIF image, and this Pillow has no AVIF decoder.</source>
        <translation>「%1」は AVIF 画像ですが、この Pillow には AVIF デコーダーがありません。</translation>
    </message>
    <message>
        <source>%1 is a damaged AVIF image.</source>
        <translation>「%1」は破損した AVIF 画像です。</translation>
    </message>
    <message>
        <source>%1 is a video (MP4/QuickTime), not an image.</source>
        <translation>「%1」は画像ではなく動画（MP4/QuickTime）です。</translation>
    </message>
    <message>
        <source>%1 is a PostScript/EPS file, which is not read here; export it as PNG first.</source>
        <translation>「%1」は PostScript/EPS ファイルのため、ここでは読み込めません。先に PNG で書き出してください。</translation>
    </message>
    <message>
        <source>%1 is a PDF document, not an image; export the page as PNG or JPEG first.</source>
        <translation>「%1」は画像ではなく PDF 文書です。先にページを PNG か JPEG で書き出してください。</translation>
    </message>
    <message>
        <source>%1 is an SVG drawing; vector images cannot be sent — export it as PNG first.</source>
        <translation>「%1」は SVG 図形です。ベクター画像は送信できないため、先に PNG で書き出してください。</translation>
    </message>
    <message>
        <source>%1 is a damaged image: its header is invalid.</source>
        <translation>「%1」は破損した画像です：ヘッダーが不正です。</translation>
    </message>
    <message>
        <source>%1 contains text, not image data despite its %2 name.</source>
        <translation>「%1」は名前が %2 ですが、画像データではなくテキストです。</translation>
    </message>
    <message>
        <source>%1 contains text, not image data.</source>
        <translation>「%1」は画像データではなくテキストです。</translation>
    </message>
    <message>
        <source>%1 is not in an image format this app can read despite its %2 name.</source>
        <translation>「%1」は名前が %2 ですが、このアプリで読み込める画像形式ではありません。</translation>
    </message>
    <message>
        <source>%1 is not in an image format this app can read.</source>
        <translation>「%1」はこのアプリで読み込める画像形式ではありません。</translation>
    </message>
    <message>
        <source>%1 has no pixels (%2×%3).</source>
        <translation>「%1」にはピクセルがありません（%2×%3）。</translation>
    </message>
    <message>
        <source>%1 is %2×%3 px: its aspect ratio of %4:1 is beyond the %5:1 the service accepts. Crop it into shorter pieces.</source>
        <translation>「%1」は %2×%3 px で、縦横比 %4:1 はサービスが受け付ける %5:1 を超えています。短く分割して切り抜いてください。</translation>
    </message>
    <message>
        <source>%1 (%2×%3 px) is too large to decode with the memory available.</source>
        <translation>「%1」（%2×%3 px）は大きすぎて、使用できるメモリではデコードできません。</translation>
    </message>
    <message>
        <source>%1 is truncated or damaged: its image data cannot be decoded (%2).</source>
        <translation>「%1」は途中で切れているか破損しています：画像データをデコードできません（%2）。</translation>
    </message>
    <message>
        <source>%1 is damaged: its image data cannot be decoded.</source>
        <translation>「%1」は破損しています：画像データをデコードできません。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>「%1」を読み込めません：%2。</translation>
    </message>
    <message>
        <source>%1 uses the colour mode %2, which cannot be converted to RGB.</source>
        <translation>「%1」のカラーモード %2 は RGB に変換できません。</translation>
    </message>
    <message>
        <source>This image cannot be used.</source>
        <translation>この画像は使用できません。</translation>
    </message>
    <message>
        <source>The image source cannot be read.</source>
        <translation>画像の読み込み元を読み取れません。</translation>
    </message>
    <message>
        <source>The image file does not exist.</source>
        <translation>画像ファイルが存在しません。</translation>
    </message>
    <message>
        <source>The image is a symbolic link to a file that does not exist.</source>
        <translation>画像は存在しないファイルへのシンボリックリンクです。</translation>
    </message>
    <message>
        <source>The path is not a regular file.</source>
        <translation>パスが通常のファイルではありません。</translation>
    </message>
    <message>
        <source>The image file cannot be read.</source>
        <translation>画像ファイルを読み込めません。</translation>
    </message>
    <message>
        <source>The path cannot be used.</source>
        <translation>このパスは使用できません。</translation>
    </message>
    <message>
        <source>Only local files and http(s) links can be attached.</source>
        <translation>添付できるのはローカルファイルと http(s) リンクだけです。</translation>
    </message>
    <message>
        <source>The image is empty.</source>
        <translation>画像が空です。</translation>
    </message>
    <message>
        <source>This is not an image.</source>
        <translation>これは画像ではありません。</translation>
    </message>
    <message>
        <source>This image format cannot be read here.</source>
        <translation>この画像形式はここでは読み込めません。</translation>
    </message>
    <message>
        <source>The image data is damaged or incomplete.</source>
        <translation>画像データが破損しているか、不完全です。</translation>
    </message>
    <message>
        <source>The image is too large to process.</source>
        <translation>画像が大きすぎて処理できません。</translation>
    </message>
    <message>
        <source>The image is too long and thin: the service accepts at most 200:1.</source>
        <translation>画像が細長すぎます：サービスが受け付ける縦横比は 200:1 までです。</translation>
    </message>
    <message>
        <source>%1 is not a usable link: it names no host.</source>
        <translation>「%1」は使用できるリンクではありません：ホスト名がありません。</translation>
    </message>
    <message>
        <source>%1 is a file on another computer (%2); only local files can be attached.</source>
        <translation>「%1」は別のコンピューター（%2）上のファイルです。添付できるのはローカルファイルだけです。</translation>
    </message>
    <message>
        <source>%1:// links cannot be attached; use an http(s) link or a local file.</source>
        <translation>%1:// のリンクは添付できません。http(s) リンクかローカルファイルを使ってください。</translation>
    </message>
    <message>
        <source>%1 is not a well-formed data URI.</source>
        <translation>「%1」は正しい形式のデータ URI ではありません。</translation>
    </message>
    <message>
        <source>%1 is a data URI without base64 image data; only base64 images can be read.</source>
        <translation>「%1」は base64 の画像データを含まないデータ URI です。読み込めるのは base64 の画像だけです。</translation>
    </message>
    <message>
        <source>%1 is a data URI whose base64 data is damaged.</source>
        <translation>「%1」はデータ URI ですが、base64 データが破損しています。</translation>
    </message>
    <message>
        <source>No file name was given.</source>
        <translation>ファイル名が指定されていません。</translation>
    </message>
    <message>
        <source>%1 is a folder, not an image file.</source>
        <translation>「%1」は画像ファイルではなくフォルダーです。</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a device, pipe or socket); only image files can be attached.</source>
        <translation>「%1」は通常のファイルではありません（デバイス、パイプまたはソケット）。添付できるのは画像ファイルだけです。</translation>
    </message>
    <message>
        <source>%1 is a symbolic link to %2, which does not exist.</source>
        <translation>「%1」は存在しない %2 へのシンボリックリンクです。</translation>
    </message>
    <message>
        <source>%1: no such file.</source>
        <translation>「%1」：そのようなファイルはありません。</translation>
    </message>
    <message>
        <source>%1: no such file (a part of the path is a file, not a folder).</source>
        <translation>「%1」：そのようなファイルはありません（パスの途中がフォルダーではなくファイルです）。</translation>
    </message>
    <message>
        <source>%1 cannot be read: permission denied.</source>
        <translation>「%1」を読み込めません：アクセス権がありません。</translation>
    </message>
    <message>
        <source>%1 contains characters this system cannot use in a file name.</source>
        <translation>「%1」には、このシステムのファイル名に使えない文字が含まれています。</translation>
    </message>
    <message>
        <source>%1 contains a NUL character.</source>
        <translation>「%1」に NUL 文字が含まれています。</translation>
    </message>
    <message>
        <source>%1: the path is too long for this system (%2 bytes; its longest name has %3, where most systems allow 255).</source>
        <translation>「%1」：パスがこのシステムには長すぎます（%2 バイト。最も長い名前は %3 バイトで、多くのシステムの上限は 255 です）。</translation>
    </message>
    <message>
        <source>%1 is a loop of symbolic links.</source>
        <translation>「%1」はシンボリックリンクが循環しています。</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2.</source>
        <translation>「%1」を開けません：%2。</translation>
    </message>
    <message>
        <source>The API key could not be stored or read.</source>
        <translation>API キーを保存または読み込みできませんでした。</translation>
    </message>
    <message>
        <source>No OS keyring is available, so the key cannot be saved. It is never written to a file instead: set the DASHSCOPE_API_KEY environment variable, or enter the key for this session only (kept in memory, forgotten when the app quits).</source>
        <translation>OS のキーリングが使えないため、API キーを保存できません。代わりにファイルへ書き込むことはしません。環境変数 DASHSCOPE_API_KEY を設定するか、このセッションだけ有効なキーを入力してください（メモリー上にだけ保持され、アプリの終了時に消去されます）。</translation>
    </message>
    <message>
        <source>The OS keyring refused the operation (is it locked?).</source>
        <translation>OS のキーリングが操作を拒否しました（ロックされていませんか？）。</translation>
    </message>
    <message>
        <source>That is not an API key: it must be one line without spaces.</source>
        <translation>これは API キーではありません：空白を含まない 1 行である必要があります。</translation>
    </message>
    <message>
        <source>The OS keyring is locked, so the key could not be read. Unlock it and try again.</source>
        <translation>OS のキーリングがロックされているため、API キーを読み込めませんでした。ロックを解除してもう一度お試しください。</translation>
    </message>
    <message>
        <source>The OS keyring is locked, so the key could not be stored. Unlock it and try again.</source>
        <translation>OS のキーリングがロックされているため、API キーを保存できませんでした。ロックを解除してもう一度お試しください。</translation>
    </message>
    <message>
        <source>The OS keyring is locked, so the key could not be deleted. Unlock it and try again.</source>
        <translation>OS のキーリングがロックされているため、API キーを削除できませんでした。ロックを解除してもう一度お試しください。</translation>
    </message>
    <message>
        <source>The OS keyring failed, so the key could not be read: %1</source>
        <translation>OS のキーリングでエラーが起きたため、API キーを読み込めませんでした：%1</translation>
    </message>
    <message>
        <source>The OS keyring failed, so the key could not be stored: %1</source>
        <translation>OS のキーリングでエラーが起きたため、API キーを保存できませんでした：%1</translation>
    </message>
    <message>
        <source>The OS keyring failed, so the key could not be deleted: %1</source>
        <translation>OS のキーリングでエラーが起きたため、API キーを削除できませんでした：%1</translation>
    </message>
    <message>
        <source>No key was given (the input was empty).</source>
        <translation>API キーが入力されていません（入力が空でした）。</translation>
    </message>
    <message>
        <source>Could not reach the service. Check the network connection or proxy settings.</source>
        <translation>サービスに接続できませんでした。ネットワーク接続かプロキシの設定を確認してください。</translation>
    </message>
    <message>
        <source>The service did not answer in time.</source>
        <translation>サービスから時間内に応答がありませんでした。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified. If your organisation inspects TLS traffic, set ca_bundle to its CA certificate file (or &quot;system&quot; for the OS trust store).</source>
        <translation>サーバーの証明書を検証できませんでした。組織で TLS 通信を検査している場合は、ca_bundle にその CA 証明書ファイルを設定してください（OS の信頼ストアを使うには &quot;system&quot;）。</translation>
    </message>
    <message>
        <source>The proxy rejected its credentials (407 Proxy Authentication Required). Check the user name and password in the proxy setting (or HTTPS_PROXY).</source>
        <translation>プロキシが認証情報を拒否しました（407 Proxy Authentication Required）。プロキシ設定（または HTTPS_PROXY）のユーザー名とパスワードを確認してください。</translation>
    </message>
    <message>
        <source>The connection closed before the answer was complete; what arrived is kept.</source>
        <translation>回答が完了する前に接続が切れました。受信済みの部分は残してあります。</translation>
    </message>
    <message>
        <source>The server sent a reply this app cannot read (not the expected protocol).</source>
        <translation>サーバーから、このアプリでは読み取れない応答が返されました（想定したプロトコルではありません）。</translation>
    </message>
    <message>
        <source>The endpoint redirected to another host; the question was not sent there.</source>
        <translation>エンドポイントが別のホストへリダイレクトしました。質問はそちらへは送信していません。</translation>
    </message>
    <message>
        <source>Interrupted; the answer so far is kept.</source>
        <translation>中断しました。それまでの回答は残してあります。</translation>
    </message>
    <message>
        <source>No API key is set for this region.</source>
        <translation>このリージョンの API キーが設定されていません。</translation>
    </message>
    <message>
        <source>The service reported an error.</source>
        <translation>サービスがエラーを返しました。</translation>
    </message>
    <message>
        <source>The API key was rejected. Keys are bound to their region: a Beijing key does not work in Singapore, Virginia or Hong Kong and the other way round — check the region too.</source>
        <translation>API キーが拒否されました。キーはリージョンごとに発行されます。北京のキーはシンガポール、バージニア、香港では使えず、その逆も同様です。リージョンも確認してください。</translation>
    </message>
    <message>
        <source>The endpoint rejected the API key: check the key set for this endpoint (Set key…).</source>
        <translation>エンドポイントが API キーを拒否しました。このエンドポイントに設定したキーを確認してください（「API キーを設定…」）。</translation>
    </message>
    <message>
        <source>This key is not allowed to use this model or feature.</source>
        <translation>この API キーでは、このモデルまたは機能を使用できません。</translation>
    </message>
    <message>
        <source>The Model Studio account is overdue; top it up in the console to continue.</source>
        <translation>Model Studio のアカウントが未払いです。続けるにはコンソールでチャージしてください。</translation>
    </message>
    <message>
        <source>Too many requests for this model right now; wait a moment and try again.</source>
        <translation>現在このモデルへのリクエストが多すぎます。しばらく待ってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The per-minute token quota for this model is used up; it frees up within a minute.</source>
        <translation>このモデルの 1 分あたりのトークン割り当てを使い切りました。1 分以内に回復します。</translation>
    </message>
    <message>
        <source>The service&apos;s content check blocked this request or its answer.</source>
        <translation>サービスのコンテンツ審査により、このリクエストまたはその回答がブロックされました。</translation>
    </message>
    <message>
        <source>The service refused the request as invalid.</source>
        <translation>サービスはリクエストを無効として拒否しました。</translation>
    </message>
    <message>
        <source>The model was not found, or is not offered in this region.</source>
        <translation>モデルが見つからないか、このリージョンでは提供されていません。</translation>
    </message>
    <message>
        <source>The service had an internal problem; try again shortly.</source>
        <translation>サービス内部で問題が発生しました。しばらくしてからもう一度お試しください。</translation>
    </message>
    <message>
        <source>The configuration could not be changed.</source>
        <translation>設定を変更できませんでした。</translation>
    </message>
    <message>
        <source>This setting is locked by the system-wide configuration.</source>
        <translation>この設定はシステム全体の構成でロックされています。</translation>
    </message>
    <message>
        <source>This setting cannot take that value.</source>
        <translation>この設定にその値は使えません。</translation>
    </message>
    <message>
        <source>The configuration file could not be written.</source>
        <translation>設定ファイルを書き込めませんでした。</translation>
    </message>
    <message>
        <source>%1: configuration files must not hold API keys; use `qwenvl-desktop key set`.</source>
        <translation>%1：設定ファイルに API キーを書いてはいけません。`qwenvl-desktop key set` を使ってください。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません：%2</translation>
    </message>
    <message>
        <source>%1 is not a setting (API keys go in the OS keyring).</source>
        <translation>%1 という設定はありません（API キーは OS のキーリングに保存します）。</translation>
    </message>
    <message>
        <source>%1 is locked by the system-wide configuration.</source>
        <translation>%1 はシステム全体の構成でロックされています。</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません：%2</translation>
    </message>
    <message>
        <source>%1 is not valid TOML (%2); fix or remove it before saving settings.</source>
        <translation>%1 は正しい TOML ではありません（%2）。設定を保存する前に、修正するか削除してください。</translation>
    </message>
    <message>
        <source>This video cannot be used.</source>
        <translation>この動画は使用できません。</translation>
    </message>
    <message>
        <source>The video source cannot be read.</source>
        <translation>動画の読み込み元を読み取れません。</translation>
    </message>
    <message>
        <source>The video file does not exist.</source>
        <translation>動画ファイルが存在しません。</translation>
    </message>
    <message>
        <source>The video file cannot be read.</source>
        <translation>動画ファイルを読み込めません。</translation>
    </message>
    <message>
        <source>This is not a video.</source>
        <translation>これは動画ではありません。</translation>
    </message>
    <message>
        <source>The video file is damaged or incomplete.</source>
        <translation>動画ファイルが破損しているか、不完全です。</translation>
    </message>
    <message>
        <source>The file has no video in it.</source>
        <translation>このファイルには映像が含まれていません。</translation>
    </message>
    <message>
        <source>The video is in a format this app cannot decode.</source>
        <translation>この動画は、このアプリでデコードできない形式です。</translation>
    </message>
    <message>
        <source>The video is too short: at least 4 frames are needed.</source>
        <translation>動画が短すぎます：少なくとも 4 フレーム必要です。</translation>
    </message>
    <message>
        <source>The video cannot be made small enough for the service&apos;s 10 MB limit.</source>
        <translation>動画をサービスの上限 10 MB 以下に縮小できません。</translation>
    </message>
    <message>
        <source>Reading the video took too long (over 2 minutes).</source>
        <translation>動画の読み込みに時間がかかりすぎました（2 分超）。</translation>
    </message>
    <message>
        <source>Frame extraction was cancelled.</source>
        <translation>フレームの抽出をキャンセルしました。</translation>
    </message>
    <message>
        <source>%1 cannot be made small enough for the service&apos;s %2 per video.</source>
        <translation>「%1」を、サービスの動画 1 本あたりの上限 %2 以下に縮小できません。</translation>
    </message>
    <message>
        <source>%1 is damaged: only %2 of its frames could be read.</source>
        <translation>「%1」は破損しています：読み取れたフレームは %2 枚だけです。</translation>
    </message>
    <message>
        <source>%1 is a damaged animation (frame %2).</source>
        <translation>「%1」は破損したアニメーションです（%2 フレーム目）。</translation>
    </message>
    <message>
        <source>%1 uses a video format this app cannot decode.</source>
        <translation>「%1」は、このアプリでデコードできない動画形式です。</translation>
    </message>
    <message>
        <source>%1 is damaged: its frames cannot be decoded.</source>
        <translation>「%1」は破損しています：フレームをデコードできません。</translation>
    </message>
    <message>
        <source>%1 has only %2 frames; at least %3 are needed.</source>
        <translation>「%1」は %2 フレームしかありません。少なくとも %3 フレーム必要です。</translation>
    </message>
    <message>
        <source>%1 lasts %2 s: too short for %3 frames at most %4 per second.</source>
        <translation>「%1」の長さは %2 秒で、毎秒最大 %4 フレームでは %3 フレームを取るには短すぎます。</translation>
    </message>
    <message>
        <source>pasted animation</source>
        <translation>貼り付けたアニメーション</translation>
    </message>
    <message>
        <source>The %1 is empty (0 bytes).</source>
        <translation>「%1」は空です（0 バイト）。</translation>
    </message>
    <message>
        <source>The %1 could not be kept for reading: %2.</source>
        <translation>「%1」を読み込み用に保存できませんでした：%2。</translation>
    </message>
    <message>
        <source>%1:// links cannot be used; give an http(s) link or a local file.</source>
        <translation>%1:// のリンクは使えません。http(s) リンクかローカルファイルを指定してください。</translation>
    </message>
    <message>
        <source>audio</source>
        <translation>音声</translation>
    </message>
    <message>
        <source>subtitle</source>
        <translation>字幕</translation>
    </message>
    <message>
        <source>data</source>
        <translation>データ</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>添付ファイル</translation>
    </message>
    <message>
        <source>%1 is a file on another computer; only local files can be used.</source>
        <translation>「%1」は別のコンピューター上のファイルです。使えるのはローカルファイルだけです。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a video file.</source>
        <translation>「%1」は動画ファイルではなくフォルダーです。</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a device, pipe or socket).</source>
        <translation>「%1」は通常のファイルではありません（デバイス、パイプまたはソケット）。</translation>
    </message>
    <message>
        <source>%1 is a symbolic link to a file that does not exist.</source>
        <translation>「%1」は存在しないファイルへのシンボリックリンクです。</translation>
    </message>
    <message>
        <source>%1 is an image too large to read.</source>
        <translation>「%1」は大きすぎて読み込めない画像です。</translation>
    </message>
    <message>
        <source>%1 is a still image (%2), not a video; attach it as an image.</source>
        <translation>「%1」は動画ではなく静止画（%2）です。画像として添付してください。</translation>
    </message>
    <message>
        <source>%1 is a damaged %2 animation.</source>
        <translation>「%1」は破損した %2 アニメーションです。</translation>
    </message>
    <message>
        <source>%1 has only %2 frames; at least 4 are needed.</source>
        <translation>「%1」は %2 フレームしかありません。少なくとも 4 フレーム必要です。</translation>
    </message>
    <message>
        <source>Reading %1 took over %2 seconds; it was given up.</source>
        <translation>「%1」の読み込みに %2 秒以上かかったため、中止しました。</translation>
    </message>
    <message>
        <source>%1 is damaged or incomplete: its container cannot be read.</source>
        <translation>「%1」は破損しているか不完全です：コンテナを読み取れません。</translation>
    </message>
    <message>
        <source>%1 is not a video (no known video container).</source>
        <translation>「%1」は動画ではありません（既知の動画コンテナではありません）。</translation>
    </message>
    <message>
        <source>%1 cannot be read as a video.</source>
        <translation>「%1」を動画として読み込めません。</translation>
    </message>
    <message>
        <source>%1 is damaged: no streams can be read in it.</source>
        <translation>「%1」は破損しています：読み取れるストリームがありません。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 has no video in it (only %2).</source>
        <translation>「%1」には映像がありません（%2 のみ）。</translation>
    </message>
    <message>
        <source>%1 has no video in it (only a still cover picture).</source>
        <translation>「%1」には映像がありません（カバー画像の静止画だけです）。</translation>
    </message>
    <message>
        <source>%1 uses a video format (%2) this app cannot decode.</source>
        <translation>「%1」は、このアプリでデコードできない動画形式（%2）です。</translation>
    </message>
    <message>
        <source>%1 is damaged: its video has no picture size.</source>
        <translation>「%1」は破損しています：映像のサイズがありません。</translation>
    </message>
    <message>
        <source>%1 is damaged: its length cannot be read.</source>
        <translation>「%1」は破損しています：長さを読み取れません。</translation>
    </message>
    <message>
        <source>%1 has only 1 frame; at least 4 are needed.</source>
        <translation>「%1」は 1 フレームしかありません。少なくとも 4 フレーム必要です。</translation>
    </message>
</context>
<context>
    <name>ExternalToolHandler</name>
    <message>
        <source>%1 needs a display, and there is none.</source>
        <translation>%1 にはディスプレイが必要ですが、ありません。</translation>
    </message>
    <message>
        <source>%1 works only in a Wayland session.</source>
        <translation>%1 は Wayland セッションでのみ動作します。</translation>
    </message>
    <message>
        <source>%1 is not installed.</source>
        <translation>%1 がインストールされていません。</translation>
    </message>
    <message>
        <source>%1 can take screenshots.</source>
        <translation>%1 でスクリーンショットを撮れます。</translation>
    </message>
    <message>
        <source>%1 could not take a screenshot: %2</source>
        <translation>%1 でスクリーンショットを撮れませんでした：%2</translation>
    </message>
    <message>
        <source>%1 could not take a screenshot (exit status %2)</source>
        <translation>%1 でスクリーンショットを撮れませんでした（終了ステータス %2）</translation>
    </message>
    <message>
        <source>%1 wrote a file that is not a readable image.</source>
        <translation>%1 が書き出したファイルは、読み込める画像ではありません。</translation>
    </message>
    <message>
        <source>Install grim (Debian/Ubuntu: sudo apt install grim; Fedora: sudo dnf install grim; Arch: sudo pacman -S grim). It works with wlroots compositors such as Sway and Hyprland.</source>
        <translation>grim をインストールしてください（Debian/Ubuntu：sudo apt install grim、Fedora：sudo dnf install grim、Arch：sudo pacman -S grim）。Sway や Hyprland などの wlroots 系コンポジターで動作します。</translation>
    </message>
    <message>
        <source>Install gnome-screenshot (Debian/Ubuntu: sudo apt install gnome-screenshot; Fedora: sudo dnf install gnome-screenshot; Arch: sudo pacman -S gnome-screenshot).</source>
        <translation>gnome-screenshot をインストールしてください（Debian/Ubuntu：sudo apt install gnome-screenshot、Fedora：sudo dnf install gnome-screenshot、Arch：sudo pacman -S gnome-screenshot）。</translation>
    </message>
    <message>
        <source>Install KDE&apos;s Spectacle (Debian/Ubuntu: sudo apt install kde-spectacle; Fedora: sudo dnf install spectacle; Arch: sudo pacman -S spectacle).</source>
        <translation>KDE の Spectacle をインストールしてください（Debian/Ubuntu：sudo apt install kde-spectacle、Fedora：sudo dnf install spectacle、Arch：sudo pacman -S spectacle）。</translation>
    </message>
</context>
<context>
    <name>Filmstrip</name>
    <message>
        <source>%1: show this frame</source>
        <translation>%1：このフレームを表示</translation>
    </message>
    <message>
        <source>Video %1 — link, sampled by the service at %2 fps</source>
        <translation>動画 %1 — リンク（サービス側で %2 fps でサンプリング）</translation>
    </message>
    <message>
        <source>Video %1 — %2 · %3 frames at %4 fps · ≈%5 tokens</source>
        <translation>動画 %1 — %2 · %3 フレーム（%4 fps）· 約 %5 トークン</translation>
    </message>
</context>
<context>
    <name>FrameViewer</name>
    <message>
        <source>The frame before (Left)</source>
        <translation>前のフレーム（Left）</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>フレーム</translation>
    </message>
    <message>
        <source>The frame after (Right)</source>
        <translation>次のフレーム（Right）</translation>
    </message>
    <message>
        <source>Frame %1 of %2 · %3 s into the clip</source>
        <translation>フレーム %1 / %2 · 動画の %3 秒時点</translation>
    </message>
    <message>
        <source>%1 · the frame sent nearest %2</source>
        <translation>%1 · %2 に最も近い送信済みフレーム</translation>
    </message>
    <message>
        <source>This frame cannot be shown.</source>
        <translation>このフレームは表示できません。</translation>
    </message>
</context>
<context>
    <name>Grounding</name>
    <message>
        <source>%1 is not known to answer with boxes; coordinates read as 0–1000 of the image.</source>
        <translation>%1 がボックスで回答するかは不明です。座標は画像の 0～1000 として読み取りました。</translation>
    </message>
    <message>
        <source>%1 is not known to answer with boxes; coordinates read as pixels the model saw.</source>
        <translation>%1 がボックスで回答するかは不明です。座標はモデルが見た画像のピクセルとして読み取りました。</translation>
    </message>
    <message>
        <source>Coordinates of image %3 above 1000 were read as pixels of the image as the model saw it (%1×%2), not on the 0–1000 grid.</source>
        <translation>画像 %3 の 1000 を超える座標は、0～1000 のグリッドではなく、モデルが見た画像（%1×%2）のピクセルとして読み取りました。</translation>
    </message>
    <message>
        <source>Coordinates above 1000 were read as pixels of the image as the model saw it (%1×%2), not on the 0–1000 grid.</source>
        <translation>1000 を超える座標は、0～1000 のグリッドではなく、モデルが見た画像（%1×%2）のピクセルとして読み取りました。</translation>
    </message>
</context>
<context>
    <name>HistoryGroups</name>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨日</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>今週</translation>
    </message>
    <message>
        <source>Earlier this month</source>
        <translation>今月</translation>
    </message>
    <message>
        <source>January</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>February</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>March</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>April</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <source>June</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>July</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>August</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>September</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>October</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>November</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>December</source>
        <translation>12月</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a month (%1) and its year (%2)</comment>
        <translation>%2年%1</translation>
    </message>
    <message>
        <source>The last answer failed</source>
        <translation>最後の回答は失敗しました</translation>
    </message>
    <message>
        <source>The last answer was stopped before its end</source>
        <translation>最後の回答は途中で停止されました</translation>
    </message>
    <message>
        <source>The last answer was cut off: the app ended while it arrived</source>
        <translation>最後の回答は途中で切れています（受信中にアプリが終了しました）</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>History is off: nothing is saved. Turn it on in File ▸ Preferences ▸ General to keep conversations.</source>
        <translation>履歴はオフです。何も保存されません。会話を残すには［ファイル］▸［設定］▸［一般］でオンにしてください。</translation>
    </message>
    <message>
        <source>The app ended while an answer was arriving: it is shown marked incomplete; Retry asks again.</source>
        <translation>回答の受信中にアプリが終了しました。その回答は「未完了」として表示しています。［再試行］で質問し直せます。</translation>
    </message>
    <message>
        <source>&amp;History sidebar</source>
        <translation>履歴サイドバー(&amp;H)</translation>
    </message>
    <message>
        <source>Searc&amp;h history</source>
        <translation>履歴を検索(&amp;H)</translation>
    </message>
    <message>
        <source>Export as &amp;Markdown…</source>
        <translation>Markdown としてエクスポート(&amp;M)…</translation>
    </message>
    <message>
        <source>Export as &amp;JSON…</source>
        <translation>JSON としてエクスポート(&amp;J)…</translation>
    </message>
    <message>
        <source>Conversation history</source>
        <translation>会話の履歴</translation>
    </message>
    <message>
        <source>Conversation deleted: Undo in the sidebar brings it back.</source>
        <translation>会話を削除しました。サイドバーの［元に戻す］で復元できます。</translation>
    </message>
    <message>
        <source>Nothing to export yet: ask a question first.</source>
        <translation>エクスポートするものがまだありません。先に質問してください。</translation>
    </message>
    <message>
        <source>Export as Markdown: choose a folder</source>
        <translation>Markdown としてエクスポート：フォルダーを選択</translation>
    </message>
    <message>
        <source>Export as JSON</source>
        <translation>JSON としてエクスポート</translation>
    </message>
    <message>
        <source>JSON (%1)</source>
        <translation>JSON (%1)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>%1 にエクスポートしました</translation>
    </message>
</context>
<context>
    <name>HistorySidebar</name>
    <message>
        <source>Yesterday %1</source>
        <translation>昨日 %1</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>Stored conversations, newest first, and a search box</source>
        <translation>保存された会話（新しい順）と検索ボックス</translation>
    </message>
    <message>
        <source>Search the questions and answers of the history</source>
        <translation>履歴の質問と回答を検索</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>会話を検索</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>New conversation (Ctrl+N)</source>
        <translation>新しい会話 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Conversations, newest first; Enter opens, F2 renames</source>
        <translation>会話（新しい順）。Enter で開き、F2 で名前を変更</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Bring the deleted conversation back</source>
        <translation>削除した会話を元に戻します</translation>
    </message>
    <message>
        <source>Hide (deleted conversations are erased when the window closes)</source>
        <translation>閉じる（削除した会話はウィンドウを閉じると完全に消去されます）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Opening the history…</source>
        <translation>履歴を開いています…</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <source>1 question</source>
        <translation>質問 1 件</translation>
    </message>
    <message>
        <source>%1 questions</source>
        <translation>質問 %1 件</translation>
    </message>
    <message>
        <source>No conversations yet: the questions you ask are kept here.</source>
        <translation>会話はまだありません。質問するとここに保存されます。</translation>
    </message>
    <message>
        <source>Q: </source>
        <comment>a question in the search results</comment>
        <translation>質問: </translation>
    </message>
    <message>
        <source>A: </source>
        <comment>an answer in the search results</comment>
        <translation>回答: </translation>
    </message>
    <message>
        <source>Nothing in the history matches.</source>
        <translation>履歴に一致するものはありません。</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>名前を変更(&amp;R)</translation>
    </message>
    <message>
        <source>Export &amp;Markdown…</source>
        <translation>Markdown でエクスポート(&amp;M)…</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>JSON でエクスポート(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <source>Deleted “%1” and %2 more.</source>
        <translation>「%1」ほか %2 件を削除しました。</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>「%1」を削除しました。</translation>
    </message>
</context>
<context>
    <name>HistorySync</name>
    <message>
        <source>A conversation needs a title: the old one is kept.</source>
        <translation>会話にはタイトルが必要です。以前のタイトルのままにします。</translation>
    </message>
    <message>
        <source>The conversation could not be exported: %1</source>
        <translation>会話を書き出せませんでした：%1</translation>
    </message>
    <message>
        <source>History: an unknown error occurred.</source>
        <translation>履歴：不明なエラーが発生しました。</translation>
    </message>
</context>
<context>
    <name>ImageCard</name>
    <message>
        <source>High</source>
        <comment>image detail</comment>
        <translation>高</translation>
    </message>
    <message>
        <source>Eco %1</source>
        <comment>image detail: economy, its cap in tokens</comment>
        <translation>節約 %1</translation>
    </message>
    <message>
        <source>Auto</source>
        <comment>image detail</comment>
        <translation>自動</translation>
    </message>
    <message>
        <source>High — up to %1 tokens</source>
        <translation>高 — 最大 %1 トークン</translation>
    </message>
    <message>
        <source>Economy — at most %1 tokens</source>
        <translation>節約 — 最大 %1 トークン</translation>
    </message>
    <message>
        <source>Auto — the model&apos;s default pixels</source>
        <translation>自動 — モデル既定のピクセル数</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 を削除</translation>
    </message>
    <message>
        <source>Remove this image</source>
        <translation>この画像を削除</translation>
    </message>
    <message>
        <source>Detail of this image: Auto (the pixels the model uses by default), High (up to 16,384 tokens) or Economy (fewer tokens, at most the cap chosen)</source>
        <translation>この画像の精細度：自動（モデル既定のピクセル数）、高（最大 16,384 トークン）、節約（トークンを抑え、選んだ上限まで）</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>準備中…</translation>
    </message>
    <message>
        <source>updating…</source>
        <translation>更新中…</translation>
    </message>
    <message>
        <source>High — %1 does not take the high-resolution flag</source>
        <translation>高 — %1 は高解像度指定に対応していません</translation>
    </message>
    <message>
        <source>🔗 link</source>
        <translation>🔗 リンク</translation>
    </message>
    <message>
        <source>link</source>
        <translation>リンク</translation>
    </message>
    <message>
        <source>%1
≈%2 tokens</source>
        <translation>%1
約 %2 トークン</translation>
    </message>
    <message>
        <source>Click for a larger preview</source>
        <translation>クリックで拡大表示</translation>
    </message>
</context>
<context>
    <name>ImageIntake</name>
    <message>
        <source>the image</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>%1: could not be read (%2)</source>
        <translation>%1：読み込めませんでした（%2）</translation>
    </message>
</context>
<context>
    <name>ImagePane</name>
    <message>
        <source>Drop images or videos here or anywhere in the window, or paste with Ctrl+V</source>
        <translation>画像や動画をここかウィンドウ内のどこかにドロップするか、Ctrl+V で貼り付け</translation>
    </message>
    <message>
        <source>Images for the next question: drop files or browser images, paste with Ctrl+V</source>
        <translation>次の質問に添付する画像：ファイルやブラウザーの画像をドロップ、または Ctrl+V で貼り付け</translation>
    </message>
    <message>
        <source>&lt;b&gt;Images&lt;/b&gt;</source>
        <translation>&lt;b&gt;画像&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Add images…</source>
        <translation>画像を追加…</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>貼り付け</translation>
    </message>
    <message>
        <source>Paste an image from the clipboard (Ctrl+V)</source>
        <translation>クリップボードから画像を貼り付け（Ctrl+V）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>The clipboard is empty.</source>
        <translation>クリップボードは空です。</translation>
    </message>
    <message>
        <source>The clipboard holds text, not an image.</source>
        <translation>クリップボードにあるのは画像ではなくテキストです。</translation>
    </message>
    <message>
        <source>%1 of %2 frames</source>
        <translation>%1 / %2 フレーム</translation>
    </message>
    <message>
        <source>Ask %1 about this image now</source>
        <translation>この画像について今すぐ「%1」を実行</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>%1 cannot read images. Your images are kept; switch to a model that can to send them.</source>
        <translation>%1 は画像を読み取れません。画像はそのまま残っています。送信するには画像に対応したモデルに切り替えてください。</translation>
    </message>
    <message>
        <source>%1 cannot read images. Your images are kept.</source>
        <translation>%1 は画像を読み取れません。画像はそのまま残っています。</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>%1 を使う</translation>
    </message>
    <message>
        <source>%1 — %2×%3 as sent</source>
        <translation>%1 — 送信サイズ %2×%3</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the totals of the images</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 image</source>
        <translation>画像 %1 枚</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>画像 %1 枚</translation>
    </message>
    <message>
        <source>%1 video</source>
        <translation>動画 %1 本</translation>
    </message>
    <message>
        <source>%1 videos</source>
        <translation>動画 %1 本</translation>
    </message>
    <message>
        <source>%1 (%2 not sent)</source>
        <translation>%1（うち %2 本は送信しません）</translation>
    </message>
    <message>
        <source>≈%1 tokens, %2 to send</source>
        <translation>約 %1 トークン、送信 %2</translation>
    </message>
    <message>
        <source>≈%1 image tokens, %2 to send</source>
        <translation>画像トークン約 %1、送信 %2</translation>
    </message>
    <message>
        <source>high resolution on</source>
        <translation>高解像度オン</translation>
    </message>
    <message>
        <source>%1 (%2 preparing)</source>
        <translation>%1（%2 件準備中）</translation>
    </message>
</context>
<context>
    <name>ImageView</name>
    <message>
        <source>The image at the size chosen, with the answer&apos;s boxes</source>
        <translation>選択したサイズの画像と、回答の枠</translation>
    </message>
    <message>
        <source>The service downloaded this image from its link: the app has no copy to show.</source>
        <translation>この画像はサービスがリンクから直接取得したため、アプリには表示できるコピーがありません。</translation>
    </message>
</context>
<context>
    <name>ImageViewerDialog</name>
    <message>
        <source>The answer meant this image: put every box and point on it</source>
        <translation>回答はこの画像を指しています：すべての枠と点をこの画像に移します</translation>
    </message>
    <message>
        <source>Show boxes</source>
        <translation>枠を表示</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG を書き出し…</translation>
    </message>
    <message>
        <source>This image at its original size with the boxes drawn on it</source>
        <translation>元のサイズのこの画像に枠を描き込んだもの</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>JSON を書き出し…</translation>
    </message>
    <message>
        <source>The boxes and points in pixels of the original images</source>
        <translation>元画像のピクセル座標で表した枠と点</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>Move boxes here</source>
        <translation>枠をここに移動</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>縮小（Ctrl+-）</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全体表示</translation>
    </message>
    <message>
        <source>Fit the window (Ctrl+0)</source>
        <translation>ウィンドウに合わせる（Ctrl+0）</translation>
    </message>
    <message>
        <source>One image pixel per screen pixel (Ctrl+1)</source>
        <translation>等倍表示：画像の 1 ピクセルを画面の 1 ピクセルに（Ctrl+1）</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>拡大（Ctrl++）</translation>
    </message>
    <message>
        <source> · %1 marked</source>
        <translation> · 印 %1 個</translation>
    </message>
    <message>
        <source>Image %1: %2%3%4</source>
        <translation>画像 %1：%2%3%4</translation>
    </message>
    <message>
        <source>%1 — image %2 of %3</source>
        <translation>%1 — 画像 %2 / %3</translation>
    </message>
    <message>
        <source>Nothing marked here.</source>
        <translation>この画像には印がありません。</translation>
    </message>
    <message>
        <source>Move %1 here</source>
        <translation>%1 個をここに移動</translation>
    </message>
    <message>
        <source>The answer marks another image (%1).</source>
        <translation>回答は別の画像に印を付けています（%1 個）。</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <source>%1: point (%2) px</source>
        <translation>%1：点 (%2) px</translation>
    </message>
    <message>
        <source>%1: (%2) – (%3) px of the original</source>
        <translation>%1：元画像の (%2) – (%3) px</translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <source>API key</source>
        <translation>API キー</translation>
    </message>
    <message>
        <source>API key needed</source>
        <translation>API キーが必要です</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>キーを表示</translation>
    </message>
    <message>
        <source>A key is one word without spaces.</source>
        <translation>キーには空白を含めることはできません。</translation>
    </message>
    <message>
        <source>Model Studio keys usually look like sk-… followed by letters and digits.</source>
        <translation>Model Studio のキーは通常、sk- の後に英数字が続く形式です。</translation>
    </message>
    <message>
        <source>The key is saved in the OS keyring (%1), nowhere else.</source>
        <translation>キーは OS のキーリング（%1）にのみ保存されます。</translation>
    </message>
    <message>
        <source> or </source>
        <translation> または </translation>
    </message>
    <message>
        <source>&lt;b&gt;No OS keyring is available&lt;/b&gt; (%1).</source>
        <translation>&lt;b&gt;OS のキーリングを利用できません&lt;/b&gt;（%1）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;No OS keyring is available&lt;/b&gt;.</source>
        <translation>&lt;b&gt;OS のキーリングを利用できません&lt;/b&gt;。</translation>
    </message>
    <message>
        <source> The key is kept in memory for this session only and is forgotten when the app quits. To keep using it, set the environment variable %1.</source>
        <translation>キーはこのセッションの間だけメモリーに保持され、アプリを終了すると破棄されます。使い続けるには環境変数 %1 を設定してください。</translation>
    </message>
    <message>
        <source>&lt;br&gt;The keyring reported: %1</source>
        <translation>&lt;br&gt;キーリングからの報告：%1</translation>
    </message>
    <message>
        <source>the endpoint &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>エンドポイント &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>region &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>リージョン &lt;b&gt;%1&lt;/b&gt;（%2）</translation>
    </message>
    <message>
        <source>The key in use for %1 is &lt;b&gt;%2&lt;/b&gt;, from the environment variable &lt;b&gt;%3&lt;/b&gt;. A key stored here is used for this endpoint when that variable is unset.</source>
        <translation>%1 で使用中のキーは &lt;b&gt;%2&lt;/b&gt; で、環境変数 &lt;b&gt;%3&lt;/b&gt; から読み込まれています。ここに保存したキーは、その変数が設定されていないときにこのエンドポイントで使われます。</translation>
    </message>
    <message>
        <source>The key in use for %1 is &lt;b&gt;%2&lt;/b&gt;, from the environment variable &lt;b&gt;%3&lt;/b&gt;. A key stored here is used for this region when that variable is unset.</source>
        <translation>%1 で使用中のキーは &lt;b&gt;%2&lt;/b&gt; で、環境変数 &lt;b&gt;%3&lt;/b&gt; から読み込まれています。ここに保存したキーは、その変数が設定されていないときにこのリージョンで使われます。</translation>
    </message>
    <message>
        <source>The key in use for %1 is &lt;b&gt;%2&lt;/b&gt; (%3). A key saved here replaces it.</source>
        <translation>%1 で使用中のキーは &lt;b&gt;%2&lt;/b&gt;（%3）です。ここで保存したキーに置き換わります。</translation>
    </message>
    <message>
        <source>There is no Model Studio API key for %1.</source>
        <translation>%1 の Model Studio API キーがありません。</translation>
    </message>
    <message>
        <source>There is no Model Studio API key for %1.&lt;br&gt;Keys are bound to their region: a Beijing key does not work in Singapore and the other way round.</source>
        <translation>%1 の Model Studio API キーがありません。&lt;br&gt;キーはリージョンごとに異なります。北京のキーはシンガポールでは使えず、その逆も同様です。</translation>
    </message>
</context>
<context>
    <name>KeyService</name>
    <message>
        <source>The key could not be stored: %1</source>
        <translation>API キーを保存できませんでした：%1</translation>
    </message>
</context>
<context>
    <name>KeySetup</name>
    <message>
        <source> or </source>
        <translation> または </translation>
    </message>
    <message>
        <source>Saved in the OS keyring (%1), nowhere else. A key in %2 is used without asking.</source>
        <translation>OS のキーリング（%1）にのみ保存されます。%2 に設定された API キーは確認なしで使用されます。</translation>
    </message>
    <message>
        <source>No OS keyring is available (%1), so the key is kept in memory for this session only; to keep it, set %2 before starting the app. A key in %2 is used without asking.</source>
        <translation>OS のキーリングを利用できないため（%1）、API キーはこのセッションの間だけメモリに保持されます。残しておくには、アプリを起動する前に %2 を設定してください。%2 に設定された API キーは確認なしで使用されます。</translation>
    </message>
    <message>
        <source>The key could not be checked: %1</source>
        <translation>API キーを確認できませんでした：%1</translation>
    </message>
    <message>
        <source>Checking the key %1 with %2…</source>
        <translation>%2 で API キー %1 を確認しています…</translation>
    </message>
    <message>
        <source>Trying the key in %1…</source>
        <translation>%1 で API キーを試しています…</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>The key %1 belongs to %2: the region is now %2 (%3), and it is saved in the %4.</source>
        <translation>API キー %1 は %2 のものでした。リージョンを %2（%3）に切り替え、%4に保存しました。</translation>
    </message>
    <message>
        <source>The key %1 works in %2, and it is saved in the %3.</source>
        <translation>API キー %1 は %2 で使用できます。%3に保存しました。</translation>
    </message>
    <message>
        <source>the endpoint %1</source>
        <translation>エンドポイント %1</translation>
    </message>
    <message>
        <source>No region accepted the key %1: it is not a valid Model Studio key (deleted, mistyped, or from another service). Create one in the console of your region (link above) and paste it here.</source>
        <translation>どのリージョンも API キー %1 を受け付けませんでした。有効な Model Studio の API キーではありません（削除済み、入力ミス、または別のサービスのキー）。ご利用のリージョンのコンソール（上のリンク）で作成し、ここに貼り付けてください。</translation>
    </message>
    <message>
        <source>%1 rejected the key %2. Check that it was copied whole.</source>
        <translation>%1 は API キー %2 を受け付けませんでした。キー全体がコピーされているか確認してください。</translation>
    </message>
    <message>
        <source>%1 rejected the key %2. A key works only in the region whose console made it: choose that region above and save again, or let the app find it.</source>
        <translation>%1 は API キー %2 を受け付けませんでした。API キーは、作成したコンソールのリージョンでのみ使用できます。上でそのリージョンを選んでもう一度保存するか、アプリに探させてください。</translation>
    </message>
    <message>
        <source>The key %1 works with %2 (%3 models) and is saved in the %4.</source>
        <translation>API キー %1 は %2 で使用できます（モデル %3 個）。%4に保存しました。</translation>
    </message>
    <message>
        <source>The key %1 works in %2 (%3 models) and is saved in the %4.</source>
        <translation>API キー %1 は %2 で使用できます（モデル %3 個）。%4に保存しました。</translation>
    </message>
    <message>
        <source>The key %1 is saved in the %2 for %3, but it could not be checked now: %4</source>
        <translation>API キー %1 を %3 用として%2に保存しましたが、今は確認できませんでした：%4</translation>
    </message>
</context>
<context>
    <name>KeySource</name>
    <message>
        <source>this session only (in memory, not saved)</source>
        <translation>このセッションのみ（メモリー内、保存なし）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>environment %1</source>
        <translation>環境変数 %1</translation>
    </message>
    <message>
        <source>OS keyring (%1)</source>
        <translation>OS のキーリング（%1）</translation>
    </message>
</context>
<context>
    <name>LinkOfferBar</name>
    <message>
        <source>Send the link with the next question: the service downloads the image</source>
        <translation>次の質問と一緒にリンクを送信します（画像はサービス側でダウンロードされます）</translation>
    </message>
    <message>
        <source>Do not attach</source>
        <translation>添付しない</translation>
    </message>
    <message>
        <source>Attach link</source>
        <translation>リンクを添付</translation>
    </message>
    <message>
        <source>The clipboard holds an image link: %1</source>
        <translation>クリップボードに画像のリンクがあります：%1</translation>
    </message>
    <message>
        <source>The clipboard holds %1 image links: %2, …</source>
        <translation>クリップボードに画像のリンクが %1 件あります：%2、…</translation>
    </message>
    <message>
        <source>Attach %1 links</source>
        <translation>%1 件のリンクを添付</translation>
    </message>
</context>
<context>
    <name>LocaleFormat</name>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Images and videos (%1)</source>
        <translation>画像と動画 (%1)</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>画像 (%1)</translation>
    </message>
    <message>
        <source>Videos (%1)</source>
        <translation>動画 (%1)</translation>
    </message>
    <message>
        <source>All files (%1)</source>
        <translation>すべてのファイル (%1)</translation>
    </message>
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
        <source>Model</source>
        <translation>モデル</translation>
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
        <source>Preparing images…</source>
        <translation>画像を準備しています…</translation>
    </message>
    <message>
        <source>Type a question or add an image first.</source>
        <translation>先に質問を入力するか、画像を追加してください。</translation>
    </message>
    <message>
        <source>Only a finished reply can be retried, one at a time.</source>
        <translation>再試行できるのは終了した回答だけです（一度に 1 つ）。</translation>
    </message>
    <message>
        <source>Nothing to regenerate yet (or an answer is still streaming).</source>
        <translation>再生成できる回答はまだありません（または回答の受信中です）。</translation>
    </message>
    <message>
        <source>Answer copied</source>
        <translation>回答をコピーしました</translation>
    </message>
    <message>
        <source>Add images or videos</source>
        <translation>画像または動画を追加</translation>
    </message>
    <message>
        <source>No API key for this region yet: paste one in the welcome above.</source>
        <translation>このリージョンの API キーがまだありません。上のようこそ画面に貼り付けてください。</translation>
    </message>
    <message>
        <source>No key entered: nothing was sent. File ▸ Set API key… to add one.</source>
        <translation>キーが入力されなかったため、何も送信していません。追加するには［ファイル］▸［API キーを設定…］を選んでください。</translation>
    </message>
    <message>
        <source>Key kept for this session only (no OS keyring): set DASHSCOPE_API_KEY to keep it.</source>
        <translation>キーはこのセッションの間だけ保持されます（OS のキーリングがありません）。保持し続けるには DASHSCOPE_API_KEY を設定してください。</translation>
    </message>
    <message>
        <source>Key saved in the %1.</source>
        <translation>キーを %1 に保存しました。</translation>
    </message>
    <message>
        <source>The sample picture and its question go out once the key is in.</source>
        <translation>サンプル画像と質問は、キーを入力すると送信されます。</translation>
    </message>
    <message>
        <source>curl command copied: it reads the key from $DASHSCOPE_API_KEY</source>
        <translation>curl コマンドをコピーしました（キーは $DASHSCOPE_API_KEY から読み込みます）</translation>
    </message>
    <message>
        <source>Send (%1)</source>
        <translation>送信 (%1)</translation>
    </message>
    <message>
        <source>Send the question (%1)</source>
        <translation>質問を送信 (%1)</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>thinks</source>
        <translation>常に思考</translation>
    </message>
    <message>
        <source>always reasons step by step before it answers (slower)</source>
        <translation>回答の前に必ず段階的に推論します（低速）</translation>
    </message>
    <message>
        <source>can think</source>
        <translation>思考可</translation>
    </message>
    <message>
        <source>can reason before it answers: the Thinking switch</source>
        <translation>回答の前に推論できます（「思考」スイッチで切り替え）</translation>
    </message>
    <message>
        <source>stream only</source>
        <translation>ストリームのみ</translation>
    </message>
    <message>
        <source>answers only as a stream</source>
        <translation>ストリーミングでのみ回答します</translation>
    </message>
    <message>
        <source>reads text</source>
        <translation>文字認識</translation>
    </message>
    <message>
        <source>made for reading the text in images and documents</source>
        <translation>画像や文書内の文字の読み取りに特化しています</translation>
    </message>
    <message>
        <source>video</source>
        <translation>動画</translation>
    </message>
    <message>
        <source>also takes video</source>
        <translation>動画も入力できます</translation>
    </message>
    <message>
        <source>finds objects</source>
        <translation>物体検出</translation>
    </message>
    <message>
        <source>can point at things: boxes drawn on the image</source>
        <translation>画像内の物の位置を示せます（画像上に枠を描画）</translation>
    </message>
    <message>
        <source>no images</source>
        <translation>画像非対応</translation>
    </message>
    <message>
        <source>cannot read images</source>
        <translation>画像を読み取れません</translation>
    </message>
    <message>
        <source>not in catalog</source>
        <translation>カタログ外</translation>
    </message>
    <message>
        <source>not in the built-in catalog: its abilities are guessed</source>
        <translation>組み込みカタログにないモデルです。機能は推測です</translation>
    </message>
    <message>
        <source>each image token covers %1 × %1 pixels</source>
        <translation>画像トークン 1 つあたり %1 × %1 ピクセル</translation>
    </message>
    <message>
        <source>holds up to %1 tokens per conversation</source>
        <translation>1 つの会話で最大 %1 トークンまで保持</translation>
    </message>
    <message>
        <source>answers up to %1 tokens long</source>
        <translation>回答は最大 %1 トークン</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>behaves as %1 (your configuration)</source>
        <translation>%1 として扱います（ユーザー設定）</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source>Service region; each has its own key and endpoint</source>
        <translation>サービスのリージョン。リージョンごとに API キーとエンドポイントが異なります</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Model, grouped by family, with its flags</source>
        <translation>モデル（シリーズ別、機能の表示付き）</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>思考</translation>
    </message>
    <message>
        <source>Let the model reason before it answers (hybrid-thinking models)</source>
        <translation>回答の前にモデルに推論させます（ハイブリッド思考モデル）</translation>
    </message>
    <message>
        <source>auto</source>
        <comment>thinking budget</comment>
        <translation>自動</translation>
    </message>
    <message>
        <source> tok</source>
        <comment>unit of the thinking budget</comment>
        <translation> トークン</translation>
    </message>
    <message>
        <source>Most tokens the model may spend thinking (0: its default)</source>
        <translation>思考に使えるトークンの上限（0：モデルの既定値）</translation>
    </message>
    <message>
        <source>any compatible endpoint URL</source>
        <translation>互換 API の任意のエンドポイント URL</translation>
    </message>
</context>
<context>
    <name>NoScreenshotHandlerError</name>
    <message>
        <source>No way to take a screenshot worked here:</source>
        <translation>この環境ではどの方法でもスクリーンショットを撮れませんでした：</translation>
    </message>
</context>
<context>
    <name>PortalHandler</name>
    <message>
        <source>Install xdg-desktop-portal and the backend for your desktop (xdg-desktop-portal-gnome, xdg-desktop-portal-kde or xdg-desktop-portal-wlr).</source>
        <translation>xdg-desktop-portal と、お使いのデスクトップ用のバックエンド（xdg-desktop-portal-gnome、xdg-desktop-portal-kde、xdg-desktop-portal-wlr のいずれか）をインストールしてください。</translation>
    </message>
    <message>
        <source>Not a Wayland session: the portal is needed only there.</source>
        <translation>Wayland セッションではありません。ポータルが必要なのは Wayland の場合だけです。</translation>
    </message>
    <message>
        <source>Start the desktop session with D-Bus (most desktops do).</source>
        <translation>D-Bus を使ってデスクトップセッションを起動してください（ほとんどのデスクトップはそうしています）。</translation>
    </message>
    <message>
        <source>%1 is not on the D-Bus session bus.</source>
        <translation>%1 が D-Bus セッションバス上にありません。</translation>
    </message>
    <message>
        <source>The desktop portal can take screenshots.</source>
        <translation>デスクトップポータルでスクリーンショットを撮れます。</translation>
    </message>
    <message>
        <source>The portal&apos;s screenshot %1 could not be read.</source>
        <translation>ポータルのスクリーンショット %1 を読み込めませんでした。</translation>
    </message>
    <message>
        <source>The D-Bus session bus cannot be reached.</source>
        <translation>D-Bus セッションバスに接続できません。</translation>
    </message>
    <message>
        <source>Cannot listen for the desktop portal&apos;s answer on D-Bus.</source>
        <translation>D-Bus でデスクトップポータルの応答を待ち受けられません。</translation>
    </message>
    <message>
        <source>The desktop portal refused the screenshot: %1</source>
        <translation>デスクトップポータルがスクリーンショットを拒否しました：%1</translation>
    </message>
    <message>
        <source>The desktop portal did not answer within %1 s.</source>
        <translation>デスクトップポータルが %1 秒以内に応答しませんでした。</translation>
    </message>
    <message>
        <source>The screenshot was cancelled.</source>
        <translation>スクリーンショットはキャンセルされました。</translation>
    </message>
    <message>
        <source>The desktop portal could not take the screenshot.</source>
        <translation>デスクトップポータルでスクリーンショットを撮れませんでした。</translation>
    </message>
    <message>
        <source>The desktop portal returned %1, which is not a local file.</source>
        <translation>デスクトップポータルが返した %1 はローカルファイルではありません。</translation>
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
<context>
    <name>PreferencesService</name>
    <message>
        <source>Locked by the system-wide configuration (%1): ask whoever manages this computer to change it.</source>
        <translation>システム全体の設定（%1）で固定されています。変更するには、このコンピューターの管理者に依頼してください。</translation>
    </message>
    <message>
        <source>%1 is set in the environment and wins: a value saved here is used once it is unset.</source>
        <translation>環境変数 %1 が設定されているため、そちらが優先されます。ここで保存した値は、その環境変数を解除すると使われます。</translation>
    </message>
    <message>
        <source>Given on the command line for this start: a value saved here is used from the next start.</source>
        <translation>今回の起動時にコマンドラインで指定されています。ここで保存した値は次回の起動から使われます。</translation>
    </message>
    <message>
        <source>%1 is not a setting the preferences change.</source>
        <translation>%1 は設定画面で変更できる項目ではありません。</translation>
    </message>
    <message>
        <source>%1 is locked by the system-wide configuration.</source>
        <translation>%1 はシステム全体の設定で固定されています。</translation>
    </message>
    <message>
        <source>Nothing was saved: 1 setting cannot take that value.</source>
        <translation>何も保存されませんでした：1 つの設定項目がその値を受け付けません。</translation>
    </message>
    <message>
        <source>Nothing was saved: %1 settings cannot take that value.</source>
        <translation>何も保存されませんでした：%1 つの設定項目がその値を受け付けません。</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>変更はありません。</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>何も保存されませんでした：%1</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>%1 に保存しました。</translation>
    </message>
    <message>
        <source>Saved to %1. Used once the answer being written ends: %2.</source>
        <translation>%1 に保存しました。%2 は、作成中の回答が終わってから反映されます。</translation>
    </message>
    <message>
        <source>The key for %1 was not stored.</source>
        <translation>%1 の API キーは保存されませんでした。</translation>
    </message>
    <message>
        <source> or </source>
        <translation> または </translation>
    </message>
    <message>
        <source>The key %1 for %2 is kept for this session only (no OS keyring): set %3 to keep it.</source>
        <translation>%2 の API キー %1 は、このセッションの間だけ保持されます（OS のキーリングがありません）。残しておくには %3 を設定してください。</translation>
    </message>
    <message>
        <source>The key %1 for %2 is saved in the %3.</source>
        <translation>%2 の API キー %1 を%3に保存しました。</translation>
    </message>
    <message>
        <source>No key for %1 to check: set one first.</source>
        <translation>%1 の API キーがないため確認できません。先に設定してください。</translation>
    </message>
    <message>
        <source>Checking the key %1 for %2…</source>
        <translation>%2 の API キー %1 を確認しています…</translation>
    </message>
    <message>
        <source>The key for %1 was not deleted: %2</source>
        <translation>%1 の API キーは削除されませんでした：%2</translation>
    </message>
    <message>
        <source>There was no stored key for %1.</source>
        <translation>%1 の API キーは保存されていませんでした。</translation>
    </message>
    <message>
        <source>The key for %1 is deleted from the OS keyring. %2 in the environment is still used.</source>
        <translation>%1 の API キーを OS のキーリングから削除しました。環境変数 %2 のキーは引き続き使われます。</translation>
    </message>
    <message>
        <source>The key for %1 is deleted from the OS keyring.</source>
        <translation>%1 の API キーを OS のキーリングから削除しました。</translation>
    </message>
    <message>
        <source>Wait for the key operation under way to finish.</source>
        <translation>実行中の API キーの操作が終わるまでお待ちください。</translation>
    </message>
    <message>
        <source>The key operation failed: %1</source>
        <translation>API キーの操作に失敗しました：%1</translation>
    </message>
    <message>
        <source>the proxy</source>
        <translation>プロキシ</translation>
    </message>
    <message>
        <source>the CA certificates</source>
        <translation>CA 証明書</translation>
    </message>
    <message>
        <source>the connect timeout</source>
        <translation>接続タイムアウト</translation>
    </message>
    <message>
        <source>the answer timeout</source>
        <translation>応答タイムアウト</translation>
    </message>
    <message>
        <source>the longest silence</source>
        <translation>最大無応答時間</translation>
    </message>
    <message>
        <source>the history</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>既定値</translation>
    </message>
    <message>
        <source>Your settings file (%1)</source>
        <translation>ユーザー設定ファイル（%1）</translation>
    </message>
    <message>
        <source>System-wide file (%1)</source>
        <translation>システム全体の設定ファイル（%1）</translation>
    </message>
    <message>
        <source>Environment variable %1</source>
        <translation>環境変数 %1</translation>
    </message>
    <message>
        <source>Command line (this start only)</source>
        <translation>コマンドライン（今回の起動のみ）</translation>
    </message>
    <message>
        <source>the custom endpoint %1</source>
        <translation>カスタムエンドポイント %1</translation>
    </message>
</context>
<context>
    <name>PromptEdit</name>
    <message>
        <source>Question. Enter sends, Esc stops the answer</source>
        <translation>質問。Enter で送信、Esc で回答を停止</translation>
    </message>
    <message>
        <source>Ask about the images…  (Enter to send, Shift+Enter for a new line, Esc to stop)</source>
        <translation>画像について質問を入力…（Enter で送信、Shift+Enter で改行、Esc で停止）</translation>
    </message>
    <message>
        <source>Question. Ctrl+Enter sends, Esc stops the answer</source>
        <translation>質問。Ctrl+Enter で送信、Esc で回答を停止</translation>
    </message>
    <message>
        <source>Ask about the images…  (Ctrl+Enter to send, Esc to stop)</source>
        <translation>画像について質問を入力…（Ctrl+Enter で送信、Esc で停止）</translation>
    </message>
</context>
<context>
    <name>QtGrabHandler</name>
    <message>
        <source>Qt&apos;s screen grab needs the application to be running.</source>
        <translation>Qt の画面取得には、アプリケーションが実行中である必要があります。</translation>
    </message>
    <message>
        <source>Qt runs on its %1 platform, which has no real screen to read.</source>
        <translation>Qt は %1 プラットフォームで動作しており、読み取れる実際の画面がありません。</translation>
    </message>
    <message>
        <source>Qt cannot read the screen in a Wayland session; the desktop portal can.</source>
        <translation>Wayland セッションでは Qt は画面を読み取れません。デスクトップポータルなら可能です。</translation>
    </message>
    <message>
        <source>The app runs through XWayland, where Qt&apos;s screen grab sees only X11 windows.</source>
        <translation>アプリは XWayland 経由で動作しており、Qt の画面取得では X11 のウィンドウしか見えません。</translation>
    </message>
    <message>
        <source>Qt can read the screen on %1.</source>
        <translation>Qt は %1 で画面を読み取れます。</translation>
    </message>
    <message>
        <source>Qt could not read screen %1.</source>
        <translation>Qt は画面 %1 を読み取れませんでした。</translation>
    </message>
    <message>
        <source>Qt reports no screens.</source>
        <translation>Qt が画面を検出できません。</translation>
    </message>
</context>
<context>
    <name>QuickPrompts</name>
    <message>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <source>Chinese (Simplified)</source>
        <translation>中国語（簡体字）</translation>
    </message>
    <message>
        <source>Chinese (Traditional)</source>
        <translation>中国語（繁体字）</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韓国語</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>スペイン語</translation>
    </message>
    <message>
        <source>French</source>
        <translation>フランス語</translation>
    </message>
    <message>
        <source>German</source>
        <translation>ドイツ語</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>ポルトガル語</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>イタリア語</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>ロシア語</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>アラビア語</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>ヒンディー語</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>インドネシア語</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>ベトナム語</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>タイ語</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>トルコ語</translation>
    </message>
    <message>
        <source>Describe</source>
        <translation>説明</translation>
    </message>
    <message>
        <source>Describe this image in detail.</source>
        <translation>この画像について詳しく説明してください。</translation>
    </message>
    <message>
        <source>Extract text</source>
        <translation>テキスト抽出</translation>
    </message>
    <message>
        <source>Extract all the text in this image. Keep its layout: lines, lists and tables (as Markdown tables).</source>
        <translation>この画像内のテキストをすべて抽出してください。改行、箇条書き、表（Markdown の表として）などのレイアウトはそのまま保ってください。</translation>
    </message>
    <message>
        <source>Explain this error</source>
        <translation>エラーを解説</translation>
    </message>
    <message>
        <source>This screenshot shows an error. Explain what went wrong, the most likely cause, and how to fix it.</source>
        <translation>このスクリーンショットにはエラーが表示されています。何が起きたのか、最も考えられる原因、そして解決方法を説明してください。</translation>
    </message>
    <message>
        <source>Translate to {language}</source>
        <translation>{language}に翻訳</translation>
    </message>
    <message>
        <source>Translate all the text in this image into {language}. Keep the layout, and note anything that cannot be translated.</source>
        <translation>この画像内のテキストをすべて{language}に翻訳してください。レイアウトは保ち、翻訳できない部分があればその旨を書き添えてください。</translation>
    </message>
    <message>
        <source>Table → Markdown/CSV</source>
        <translation>表 → Markdown/CSV</translation>
    </message>
    <message>
        <source>Extract the table in this image as one Markdown table. Keep every row and column, leave empty cells empty, and answer with the table only.</source>
        <translation>この画像内の表を 1 つの Markdown の表として抽出してください。行と列はすべて残し、空のセルは空のままにして、表だけを回答してください。</translation>
    </message>
    <message>
        <source>Formula → LaTeX</source>
        <translation>数式 → LaTeX</translation>
    </message>
    <message>
        <source>Write the formula in this image in LaTeX. Answer with the LaTeX only, between $$ and $$.</source>
        <translation>この画像内の数式を LaTeX で書いてください。$$ と $$ で囲んだ LaTeX だけを回答してください。</translation>
    </message>
    <message>
        <source>Document → Markdown</source>
        <translation>文書 → Markdown</translation>
    </message>
    <message>
        <source>Document → HTML</source>
        <translation>文書 → HTML</translation>
    </message>
    <message>
        <source>New prompt</source>
        <translation>新しいプロンプト</translation>
    </message>
    <message>
        <source>Describe this image.</source>
        <translation>この画像について説明してください。</translation>
    </message>
    <message>
        <source>there is no quick prompt %1</source>
        <translation>クイックプロンプト %1 はありません</translation>
    </message>
    <message>
        <source>%1: not a list of prompts; the default prompts are used.</source>
        <translation>%1：プロンプトの一覧ではないため、既定のプロンプトを使用します。</translation>
    </message>
    <message>
        <source>The quick prompts</source>
        <translation>クイックプロンプト</translation>
    </message>
    <message>
        <source>quick prompt %1 was skipped: %2</source>
        <translation>クイックプロンプト %1 をスキップしました：%2</translation>
    </message>
    <message>
        <source>%1; %2 is used</source>
        <translation>%1。%2 を使用します</translation>
    </message>
    <message>
        <source>%1 could not be read (%2); the defaults are used.</source>
        <translation>%1 を読み込めませんでした（%2）。既定値を使用します。</translation>
    </message>
    <message>
        <source>%1 is not valid JSON (line %2: %3); the defaults are used, and saving will replace the file.</source>
        <translation>%1 は正しい JSON ではありません（%2 行目：%3）。既定値を使用します。保存するとこのファイルは置き換えられます。</translation>
    </message>
    <message>
        <source>a quick prompt needs an id</source>
        <translation>クイックプロンプトには ID が必要です</translation>
    </message>
    <message>
        <source>the id %1 is used twice</source>
        <translation>ID %1 が重複しています</translation>
    </message>
    <message>
        <source>a quick prompt needs a label</source>
        <translation>クイックプロンプトには名前が必要です</translation>
    </message>
    <message>
        <source>the quick prompt %1 has no text</source>
        <translation>クイックプロンプト %1 の質問が空です</translation>
    </message>
    <message>
        <source>a label is at most %1 characters</source>
        <translation>名前は %1 文字以内にしてください</translation>
    </message>
    <message>
        <source>a quick prompt is at most %1 characters</source>
        <translation>クイックプロンプトは %1 文字以内にしてください</translation>
    </message>
    <message>
        <source>the translation language must be a non-empty name</source>
        <translation>翻訳先の言語名を入力してください</translation>
    </message>
    <message>
        <source>a language name is at most %1 characters</source>
        <translation>言語名は %1 文字以内にしてください</translation>
    </message>
</context>
<context>
    <name>QuickPromptsBar</name>
    <message>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <source>Change, add or reorder the quick prompts</source>
        <translation>クイックプロンプトの編集、追加、並べ替え</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>その他…</translation>
    </message>
    <message>
        <source>Translate to</source>
        <translation>翻訳先</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>言語：</translation>
    </message>
    <message>
        <source>The quick prompts could not be saved: %1</source>
        <translation>クイックプロンプトを保存できませんでした：%1</translation>
    </message>
</context>
<context>
    <name>QuickPromptsEditor</name>
    <message>
        <source>Quick prompts</source>
        <translation>クイックプロンプト</translation>
    </message>
    <message>
        <source>The question to ask. {language} is replaced.</source>
        <translation>送信する質問。{language} は翻訳先の言語に置き換えられます。</translation>
    </message>
    <message>
        <source>Use the region&apos;s OCR model when there is one</source>
        <translation>リージョンに OCR モデルがあればそれを使用</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>既定に戻す</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>質問</translation>
    </message>
    <message>
        <source>Translate to</source>
        <translation>翻訳先</translation>
    </message>
</context>
<context>
    <name>RegionOverlay</name>
    <message>
        <source>Drag to select a region  ·  Esc to cancel</source>
        <translation>ドラッグして範囲を選択  ·  Esc でキャンセル</translation>
    </message>
    <message>
        <source>Capture region</source>
        <translation>領域をキャプチャー</translation>
    </message>
</context>
<context>
    <name>Regions</name>
    <message>
        <source>Singapore</source>
        <translation>シンガポール</translation>
    </message>
    <message>
        <source>Virginia</source>
        <translation>バージニア</translation>
    </message>
    <message>
        <source>Beijing</source>
        <translation>北京</translation>
    </message>
    <message>
        <source>Hong Kong</source>
        <translation>香港</translation>
    </message>
    <message>
        <source>Singapore (international)</source>
        <translation>シンガポール（国際）</translation>
    </message>
    <message>
        <source>Virginia (US)</source>
        <translation>バージニア（米国）</translation>
    </message>
    <message>
        <source>Beijing (mainland China)</source>
        <translation>北京（中国本土）</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>Input</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>トークン</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>The request failed.</source>
        <translation>リクエストに失敗しました。</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>failed (%1)</source>
        <translation>失敗（%1）</translation>
    </message>
    <message>
        <source>Double-click to open it as a conversation.</source>
        <translation>ダブルクリックすると会話として開きます。</translation>
    </message>
</context>
<context>
    <name>ScreenshotDesktop</name>
    <message>
        <source>The screenshot could not be read as an image.</source>
        <translation>スクリーンショットを画像として読み込めませんでした。</translation>
    </message>
    <message>
        <source>Qt reports no screens to show the capture on.</source>
        <translation>キャプチャを表示する画面を Qt が検出できません。</translation>
    </message>
    <message>
        <source>The screenshot is %1×%2 pixels but the screens span %3×%4; the parts cannot be matched to the screens.</source>
        <translation>スクリーンショットは %1×%2 ピクセルですが、画面全体は %3×%4 です。各部分を画面に対応付けられません。</translation>
    </message>
</context>
<context>
    <name>ScreenshotProbes</name>
    <message>
        <source>There is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set).</source>
        <translation>D-Bus セッションバスがありません（DBUS_SESSION_BUS_ADDRESS が設定されていません）。</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>理由は不明</translation>
    </message>
    <message>
        <source>The D-Bus session bus cannot be reached (%1).</source>
        <translation>D-Bus セッションバスに接続できません（%1）。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>%1, line %2, key &apos;%3&apos;: %4</source>
        <translation>%1、%2 行目、キー &apos;%3&apos;：%4</translation>
    </message>
    <message>
        <source>%1, line %2: %4</source>
        <translation>%1、%2 行目：%4</translation>
    </message>
    <message>
        <source>%1, key &apos;%3&apos;: %4</source>
        <translation>%1、キー &apos;%3&apos;：%4</translation>
    </message>
    <message>
        <source>%1: %4</source>
        <translation>%1：%4</translation>
    </message>
    <message>
        <source>%1 (a region replaces the base URL)</source>
        <translation>%1（リージョンの指定がベース URL より優先されます）</translation>
    </message>
    <message>
        <source>%1 (first allowed model)</source>
        <translation>%1（許可されたモデルの先頭）</translation>
    </message>
    <message>
        <source>system file %1</source>
        <translation>システムの設定ファイル %1</translation>
    </message>
    <message>
        <source>user file %1</source>
        <translation>ユーザーの設定ファイル %1</translation>
    </message>
    <message>
        <source>environment %1</source>
        <translation>環境変数 %1</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>コマンドライン</translation>
    </message>
    <message>
        <source>default</source>
        <translation>既定値</translation>
    </message>
    <message>
        <source>%1 names this file but it does not exist</source>
        <translation>%1 がこのファイルを指定していますが、ファイルが存在しません</translation>
    </message>
    <message>
        <source>cannot be read (%1); ignored</source>
        <translation>読み込めません（%1）。無視します</translation>
    </message>
    <message>
        <source>is not UTF-8 text; the whole file is ignored</source>
        <translation>UTF-8 のテキストではありません。ファイル全体を無視します</translation>
    </message>
    <message>
        <source>invalid TOML (column %2): %1; the whole file is ignored</source>
        <translation>TOML が正しくありません（%2 列目）：%1。ファイル全体を無視します</translation>
    </message>
    <message>
        <source>invalid TOML: %1; the whole file is ignored</source>
        <translation>TOML が正しくありません：%1。ファイル全体を無視します</translation>
    </message>
    <message>
        <source>configuration files must not hold API keys, so this whole file is ignored. Delete that line and store the key in the OS keyring with %1 (or set %2 in the environment).</source>
        <translation>設定ファイルに API キーを書いてはいけないため、このファイル全体を無視します。その行を削除し、%1 で API キーを OS のキーリングに保存してください（または環境変数 %2 を設定してください）。</translation>
    </message>
    <message>
        <source>only the system-wide file can lock settings; ignored</source>
        <translation>設定をロックできるのはシステム全体の設定ファイルだけです。無視します</translation>
    </message>
    <message>
        <source>unknown setting; ignored (API keys go in the OS keyring: %2). Known settings: %1</source>
        <translation>不明な設定のため無視します（API キーは OS のキーリングに保存します：%2）。使える設定：%1</translation>
    </message>
    <message>
        <source>unknown setting; ignored. Known settings: %1</source>
        <translation>不明な設定のため無視します。使える設定：%1</translation>
    </message>
    <message>
        <source>%1; ignored (the default stays)</source>
        <translation>%1。無視します（既定値のままです）</translation>
    </message>
    <message>
        <source>%1; ignored (the value from %2 stays)</source>
        <translation>%1。無視します（%2 の値のままです）</translation>
    </message>
    <message>
        <source>%1 is locked by the system-wide configuration (%2); it cannot be changed on the command line</source>
        <translation>%1 はシステム全体の構成（%2）でロックされているため、コマンドラインでは変更できません</translation>
    </message>
    <message>
        <source>%1 is locked by the system-wide configuration (%2); this value is ignored</source>
        <translation>%1 はシステム全体の構成（%2）でロックされているため、この値は無視します</translation>
    </message>
    <message>
        <source>expected an array of setting names</source>
        <translation>設定名の配列が必要です</translation>
    </message>
    <message>
        <source>cannot lock unknown setting(s) %1; the others are locked</source>
        <translation>不明な設定 %1 はロックできません。その他はロックしました</translation>
    </message>
    <message>
        <source>allowed_models (%1, from %2)</source>
        <translation>allowed_models（%1、%2 で指定）</translation>
    </message>
    <message>
        <source>model %1 is not in %2; using %3</source>
        <translation>モデル %1 は %2 に含まれていないため、%3 を使います</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>%1が必要ですが、%2が指定されました</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>文字列</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>真偽値</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>配列</translation>
    </message>
    <message>
        <source>a table</source>
        <translation>テーブル</translation>
    </message>
    <message>
        <source>unknown region %1; choose one of %2 (a custom endpoint is set with base_url)</source>
        <translation>不明なリージョン %1 です。%2 のいずれかを選んでください（カスタムエンドポイントは base_url で設定します）</translation>
    </message>
    <message>
        <source>base URL %1 must start with http:// or https://</source>
        <translation>ベース URL %1 は http:// または https:// で始まる必要があります</translation>
    </message>
    <message>
        <source>base URL %1 has no host name</source>
        <translation>ベース URL %1 にホスト名がありません</translation>
    </message>
    <message>
        <source>base URL %1 has an invalid port</source>
        <translation>ベース URL %1 のポート番号が正しくありません</translation>
    </message>
    <message>
        <source>proxy URL %1 must start with http:// or https:// or socks5:// or socks5h://</source>
        <translation>プロキシ URL %1 は http://、https://、socks5://、socks5h:// のいずれかで始まる必要があります</translation>
    </message>
    <message>
        <source>proxy URL %1 has no host name</source>
        <translation>プロキシ URL %1 にホスト名がありません</translation>
    </message>
    <message>
        <source>proxy URL %1 has an invalid port</source>
        <translation>プロキシ URL %1 のポート番号が正しくありません</translation>
    </message>
    <message>
        <source>base URL %1 contains spaces</source>
        <translation>ベース URL %1 に空白が含まれています</translation>
    </message>
    <message>
        <source>model name %1 must be one word, e.g. qwen3-vl-plus</source>
        <translation>モデル名 %1 は空白を含まない 1 語にしてください（例：qwen3-vl-plus）</translation>
    </message>
    <message>
        <source>an array of model names</source>
        <translation>モデル名の配列</translation>
    </message>
    <message>
        <source>expected &quot;system&quot;, &quot;certifi&quot; or the path of a PEM CA bundle</source>
        <translation>&quot;system&quot;、&quot;certifi&quot;、または PEM 形式の CA バンドルのパスを指定してください</translation>
    </message>
    <message>
        <source>CA bundle %1 does not exist; give a PEM file, or &quot;system&quot; for the operating system&apos;s trust store</source>
        <translation>CA バンドル %1 が存在しません。PEM ファイルを指定するか、OS の信頼ストアを使う場合は &quot;system&quot; を指定してください</translation>
    </message>
    <message>
        <source>CA bundle %1 cannot be loaded as PEM certificates: %2</source>
        <translation>CA バンドル %1 を PEM 形式の証明書として読み込めません：%2</translation>
    </message>
    <message>
        <source>a number of seconds</source>
        <translation>秒数</translation>
    </message>
    <message>
        <source>a timeout must be more than 0 and at most %1 seconds</source>
        <translation>タイムアウトは 0 秒より長く %1 秒以下にしてください</translation>
    </message>
    <message>
        <source>image detail %1: choose &quot;standard&quot;, &quot;high&quot; or &quot;economy&quot;</source>
        <translation>画像の精細度 %1：&quot;standard&quot;、&quot;high&quot;、&quot;economy&quot; のいずれかを選んでください</translation>
    </message>
    <message>
        <source>expected true or false (or on/off)</source>
        <translation>true か false（または on/off）を指定してください</translation>
    </message>
    <message>
        <source>expected true, false or &quot;auto&quot; (the model&apos;s own default)</source>
        <translation>true、false、&quot;auto&quot;（モデルの既定値）のいずれかを指定してください</translation>
    </message>
    <message>
        <source>language %1: choose &quot;en&quot;, &quot;ja&quot;, &quot;zh_CN&quot; or &quot;system&quot; (the system&apos;s language)</source>
        <translation>言語 %1：&quot;en&quot;、&quot;ja&quot;、&quot;zh_CN&quot;、&quot;system&quot;（システムの言語）のいずれかを選んでください</translation>
    </message>
    <message>
        <source>theme %1: choose &quot;system&quot;, &quot;light&quot; or &quot;dark&quot;</source>
        <translation>テーマ %1：&quot;system&quot;、&quot;light&quot;、&quot;dark&quot; のいずれかを選んでください</translation>
    </message>
    <message>
        <source>a font size in points</source>
        <translation>ポイント単位のフォントサイズ</translation>
    </message>
    <message>
        <source>the font size must be a whole number, got %1</source>
        <translation>フォントサイズは整数で指定してください（指定された値：%1）</translation>
    </message>
    <message>
        <source>font size %1: give %2 to %3 points, or &quot;system&quot; for the system font</source>
        <translation>フォントサイズ %1：%2～%3 ポイントで指定するか、システムのフォントを使う場合は &quot;system&quot; を指定してください</translation>
    </message>
    <message>
        <source>send_with %1: choose &quot;enter&quot; (Shift+Enter for a new line) or &quot;ctrl_enter&quot;</source>
        <translation>send_with %1：&quot;enter&quot;（改行は Shift+Enter）または &quot;ctrl_enter&quot; を選んでください</translation>
    </message>
    <message>
        <source>the system prompt has %1 characters; at most %2</source>
        <translation>システムプロンプトが %1 文字あります。上限は %2 文字です</translation>
    </message>
    <message>
        <source>a temperature</source>
        <translation>temperature（温度）の値</translation>
    </message>
    <message>
        <source>temperature %1: give 0 or more and less than 2 (lower is steadier), or &quot;default&quot; for the model&apos;s own</source>
        <translation>temperature %1：0 以上 2 未満の値（低いほど安定します）を指定するか、モデルの既定値を使う場合は &quot;default&quot; を指定してください</translation>
    </message>
    <message>
        <source>a top_p</source>
        <translation>top_p の値</translation>
    </message>
    <message>
        <source>top_p %1: give more than 0 and at most 1, or &quot;default&quot; for the model&apos;s own</source>
        <translation>top_p %1：0 より大きく 1 以下の値を指定するか、モデルの既定値を使う場合は &quot;default&quot; を指定してください</translation>
    </message>
    <message>
        <source>a number of tokens</source>
        <translation>トークン数</translation>
    </message>
    <message>
        <source>max_tokens must be a whole number, got %1</source>
        <translation>max_tokens は整数で指定してください（指定された値：%1）</translation>
    </message>
    <message>
        <source>max_tokens %1: give 1 to %2 tokens, or &quot;default&quot; for the model&apos;s own limit</source>
        <translation>max_tokens %1：1～%2 トークンで指定するか、モデル自身の上限を使う場合は &quot;default&quot; を指定してください</translation>
    </message>
    <message>
        <source>REGION=URL pairs separated by commas</source>
        <translation>カンマ区切りの REGION=URL の組</translation>
    </message>
    <message>
        <source>a table of region = URL</source>
        <translation>region = URL 形式のテーブル</translation>
    </message>
    <message>
        <source>region %1: an empty URL</source>
        <translation>リージョン %1：URL が空です</translation>
    </message>
    <message>
        <source>ALIAS=MODEL pairs separated by commas</source>
        <translation>カンマ区切りの ALIAS=MODEL の組</translation>
    </message>
    <message>
        <source>a table of [models.NAME] like = MODEL</source>
        <translation>[models.NAME] like = MODEL 形式のテーブル</translation>
    </message>
    <message>
        <source>model %1: like = must name a model of the built-in catalog (see `qwenvl-desktop models`), got %2</source>
        <translation>モデル %1：like = には組み込みカタログのモデルを指定してください（`qwenvl-desktop models` を参照）。指定された値：%2</translation>
    </message>
    <message>
        <source>model %1 is in the built-in catalog already</source>
        <translation>モデル %1 はすでに組み込みカタログにあります</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Cannot listen on %1 for other instances: %2</source>
        <translation>他のインスタンスのために %1 で待ち受けできません：%2</translation>
    </message>
    <message>
        <source>Cannot create the instance lock %1.</source>
        <translation>インスタンスのロック %1 を作成できません。</translation>
    </message>
    <message>
        <source>Another Qwen-VL Desktop is running but does not answer; close it and try again.</source>
        <translation>別の Qwen-VL Desktop が実行中ですが応答しません。終了してからもう一度お試しください。</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <source>key: looking…</source>
        <translation>API キー：確認中…</translation>
    </message>
    <message>
        <source>key %1 (%2)</source>
        <translation>API キー %1（%2）</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>API キーなし</translation>
    </message>
    <message>
        <source>(no endpoint)</source>
        <translation>（エンドポイントなし）</translation>
    </message>
    <message>
        <source>Requests go to %1
Key: %2</source>
        <translation>リクエスト送信先：%1
API キー：%2</translation>
    </message>
    <message>
        <source>%1 tok/s</source>
        <translation>%1 トークン/秒</translation>
    </message>
</context>
<context>
    <name>StoredTurns</name>
    <message>
        <source>▲ Show 1 earlier turn</source>
        <translation>▲ 以前のやり取りを 1 件表示</translation>
    </message>
    <message>
        <source>▲ Show %1 earlier turns</source>
        <translation>▲ 以前のやり取りを %1 件表示</translation>
    </message>
    <message>
        <source>  (or scroll to the top)</source>
        <translation>  （または一番上までスクロール）</translation>
    </message>
</context>
<context>
    <name>TranscriptDocument</name>
    <message>
        <source>You</source>
        <translation>あなた</translation>
    </message>
    <message>
        <source>(video only)</source>
        <translation>（動画のみ）</translation>
    </message>
    <message>
        <source>(images only)</source>
        <translation>（画像のみ）</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>思考過程</translation>
    </message>
    <message>
        <source>Thinking… %1 s</source>
        <translation>思考中… %1 秒</translation>
    </message>
    <message>
        <source>Thought for %1 s</source>
        <translation>思考時間 %1 秒</translation>
    </message>
    <message>
        <source>%1 (%2 characters)</source>
        <translation>%1（%2 文字）</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>curl コマンドとしてコピー</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Set key…</source>
        <translation>API キーを設定…</translation>
    </message>
    <message>
        <source>no further details</source>
        <translation>これ以上の詳細はありません</translation>
    </message>
</context>
<context>
    <name>TranscriptImages</name>
    <message>
        <source>Open in the image viewer</source>
        <translation>画像ビューアーで開く</translation>
    </message>
    <message>
        <source>%1 (%2, ≈%3 tokens)</source>
        <translation>%1（%2、約 %3 トークン）</translation>
    </message>
    <message>
        <source>link</source>
        <translation>リンク</translation>
    </message>
    <message>
        <source>; </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Images: %1</source>
        <translation>画像：%1</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>The conversation: questions, thinking, answers and errors</source>
        <translation>会話：質問、思考過程、回答、エラー</translation>
    </message>
    <message>
        <source>Add images, type a question and press %1. Answers stream in here.</source>
        <translation>画像を追加し、質問を入力して %1 を押してください。回答はここに表示されます。</translation>
    </message>
    <message>
        <source>Answer copied</source>
        <translation>回答をコピーしました</translation>
    </message>
    <message>
        <source>Code copied</source>
        <translation>コードをコピーしました</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Capture region</source>
        <translation>領域をキャプチャー</translation>
    </message>
    <message>
        <source>Capture and extract text</source>
        <translation>キャプチャーしてテキストを抽出</translation>
    </message>
    <message>
        <source>Ask about clipboard</source>
        <translation>クリップボードについて質問</translation>
    </message>
    <message>
        <source>Watch clipboard</source>
        <translation>クリップボードを監視</translation>
    </message>
    <message>
        <source>Show window</source>
        <translation>ウィンドウを表示</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Qwen-VL Desktop — watching the clipboard</source>
        <translation>Qwen-VL Desktop — クリップボードを監視中</translation>
    </message>
</context>
<context>
    <name>TurnAction</name>
    <message>
        <source>Copy answer</source>
        <translation>回答をコピー</translation>
    </message>
    <message>
        <source>Edit and resend this question</source>
        <translation>この質問を編集して再送信</translation>
    </message>
    <message>
        <source>Regenerate: ask again, keeping this answer</source>
        <translation>再生成：この回答を残したまま、もう一度質問します</translation>
    </message>
    <message>
        <source>Continue this answer</source>
        <translation>この回答の続きを生成</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>前のバージョン</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>次のバージョン</translation>
    </message>
    <message>
        <source>%1 (%2 for the last question)</source>
        <translation>%1（最後の質問には %2）</translation>
    </message>
    <message>
        <source>%1 (%2 for the last answer)</source>
        <translation>%1（最後の回答には %2）</translation>
    </message>
</context>
<context>
    <name>TurnActionsTool</name>
    <message>
        <source>&amp;Edit last question</source>
        <translation>最後の質問を編集(&amp;E)</translation>
    </message>
    <message>
        <source>C&amp;ontinue stopped answer</source>
        <translation>停止した回答を続ける(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Undo edit</source>
        <translation>編集を元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>A question can be edited once the answer has ended.</source>
        <translation>質問は回答が終わってから編集できます。</translation>
    </message>
    <message>
        <source>There is no edit to undo.</source>
        <translation>元に戻す編集はありません。</translation>
    </message>
    <message>
        <source>Only an answer that has ended can be regenerated, one at a time.</source>
        <translation>再生成できるのは終了した回答だけです（一度に 1 つ）。</translation>
    </message>
    <message>
        <source>Only a stopped answer can be continued, one at a time.</source>
        <translation>続きを生成できるのは停止した回答だけです（一度に 1 つ）。</translation>
    </message>
    <message>
        <source>The last answer was not stopped: there is nothing to continue.</source>
        <translation>最後の回答は停止されていないため、続きはありません。</translation>
    </message>
</context>
<context>
    <name>TurnNotice</name>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Put the dropped turns back (until the next question is sent)</source>
        <translation>破棄したターンを元に戻します（次の質問を送信するまで）</translation>
    </message>
    <message>
        <source>Undo edit</source>
        <translation>編集を元に戻す</translation>
    </message>
    <message>
        <source>Editing a question</source>
        <translation>質問を編集中</translation>
    </message>
    <message>
        <source>Send replaces it: that turn and the turns after it are dropped</source>
        <translation>送信するとこの質問が置き換わり、そのターンと以降のターンは破棄されます</translation>
    </message>
    <message>
        <source>Cancel edit</source>
        <translation>編集をキャンセル</translation>
    </message>
    <message>
        <source>Keep the conversation as it is; the next question is a new one</source>
        <translation>会話はそのままにします。次の質問は新しい質問になります</translation>
    </message>
</context>
<context>
    <name>VideoCard</name>
    <message>
        <source>link</source>
        <translation>リンク</translation>
    </message>
    <message>
        <source>%1 · %2 frames · %3 fps</source>
        <translation>%1 · %2 フレーム · %3 fps</translation>
    </message>
    <message>
        <source>≈%1 tokens</source>
        <translation>約 %1 トークン</translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1 フレーム</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 を削除</translation>
    </message>
    <message>
        <source>Remove this video</source>
        <translation>この動画を削除</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Stop extracting frames (the video is removed)</source>
        <translation>フレームの抽出を中止（動画は削除されます）</translation>
    </message>
    <message>
        <source>Frames per second</source>
        <translation>1 秒あたりのフレーム数</translation>
    </message>
    <message>
        <source>Frames per second taken from the clip (0.1 to 10): more frames see more, cost more tokens. The model reads this rate as time.</source>
        <translation>動画から 1 秒あたりに取り出すフレーム数（0.1～10）。多いほど細かく見られますが、トークンも多く消費します。モデルはこの値から時間の経過を読み取ります。</translation>
    </message>
    <message>
        <source>Extracting frames…</source>
        <translation>フレームを抽出中…</translation>
    </message>
    <message>
        <source>Extracting frames… %p%</source>
        <translation>フレームを抽出中… %p%</translation>
    </message>
    <message>
        <source>Reading the video…</source>
        <translation>動画を読み込み中…</translation>
    </message>
    <message>
        <source>Link: the service downloads the video and samples it</source>
        <translation>リンク：動画はサービス側でダウンロードされ、フレームが抽出されます</translation>
    </message>
    <message>
        <source>link · %1 fps</source>
        <translation>リンク · %1 fps</translation>
    </message>
    <message>
        <source>The frames sent with the question before</source>
        <translation>前回の質問で送信したフレーム</translation>
    </message>
    <message>
        <source>The frames sent with the question before. Add the file again to choose another fps.</source>
        <translation>前回の質問で送信したフレームです。fps を変えるにはファイルを追加し直してください。</translation>
    </message>
    <message>
        <source>Not attached: remove it or try another file</source>
        <translation>添付されていません。削除するか、別のファイルをお試しください</translation>
    </message>
    <message>
        <source>Cancelled: nothing of it is sent. Choose an fps to extract again.</source>
        <translation>キャンセルしました。この動画は送信されません。fps を選ぶと再度抽出します。</translation>
    </message>
    <message>
        <source>Not attached</source>
        <translation>添付されていません</translation>
    </message>
</context>
<context>
    <name>VideoIntake</name>
    <message>
        <source>the pasted animation</source>
        <translation>貼り付けたアニメーション</translation>
    </message>
    <message>
        <source>%1: could not be read (%2)</source>
        <translation>%1：読み込めませんでした（%2）</translation>
    </message>
    <message>
        <source>The video cannot be used.</source>
        <translation>この動画は使用できません。</translation>
    </message>
</context>
<context>
    <name>VideoLinks</name>
    <message>
        <source>Show the frame sent nearest this time</source>
        <translation>この時刻に最も近い送信済みフレームを表示</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Welcome to Qwen-VL Desktop</source>
        <translation>Qwen-VL Desktop へようこそ</translation>
    </message>
    <message>
        <source>This region needs its own API key</source>
        <translation>このリージョンには専用の API キーが必要です</translation>
    </message>
    <message>
        <source>What is on this table? Read me the receipt&apos;s total.</source>
        <translation>このテーブルには何がありますか？レシートの合計金額を読み上げてください。</translation>
    </message>
    <message>
        <source>Ask Alibaba Cloud&apos;s Qwen vision-language models about images: drop or paste a picture, type a question, press %1, and the answer streams in here. First, a Model Studio API key:</source>
        <translation>Alibaba Cloud の Qwen 視覚言語モデルに画像について質問できます。画像をドロップまたは貼り付けて質問を入力し、%1 を押すと、ここに回答が表示されていきます。まずは Model Studio の API キーを設定しましょう：</translation>
    </message>
    <message>
        <source>Try a sample picture</source>
        <translation>サンプル画像で試す</translation>
    </message>
    <message>
        <source>Adds a picture (a café table with a receipt) and a question to ask about it; they are sent as soon as the key is in.</source>
        <translation>画像（レシートが置かれたカフェのテーブル）とそれについての質問を追加します。キーを入力するとすぐに送信されます。</translation>
    </message>
    <message>
        <source>The region whose console made your key</source>
        <translation>キーを発行したコンソールのリージョン</translation>
    </message>
    <message>
        <source>The region of your key:</source>
        <translation>キーのリージョン：</translation>
    </message>
    <message>
        <source>Paste the API key (sk-…)</source>
        <translation>API キーを貼り付け (sk-…)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Save and check</source>
        <translation>保存して確認</translation>
    </message>
    <message>
        <source>Find its region (sends the key to them)</source>
        <translation>リージョンを探す（各リージョンにキーを送信します）</translation>
    </message>
    <message>
        <source>Set by the system configuration</source>
        <translation>システムの構成で設定されています</translation>
    </message>
    <message>
        <source>Your own endpoint</source>
        <translation>独自のエンドポイント</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Tries %1.</source>
        <translation>%1 を試します。</translation>
    </message>
    <message>
        <source>Requests go to your own endpoint, %1: paste the key it expects. Choose a region above to use Model Studio&apos;s endpoints instead.</source>
        <translation>リクエストは独自のエンドポイント %1 に送られます。そのエンドポイント用のキーを貼り付けてください。Model Studio のエンドポイントを使う場合は、上でリージョンを選んでください。</translation>
    </message>
    <message>
        <source>(none set)</source>
        <translation>（未設定）</translation>
    </message>
    <message>
        <source>Create one on the %1%2 API key page%3 of the Model Studio console. A key works only in the region whose console made it (a Beijing key is refused in Singapore).</source>
        <translation>Model Studio コンソールの%1%2 の API キーページ%3で作成してください。キーは発行したコンソールのリージョンでのみ使えます（北京のキーはシンガポールでは使えません）。</translation>
    </message>
</context>
</TS>
