<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Ask Alibaba Cloud Model Studio&apos;s Qwen vision-language models about images: drop, paste or capture them, ask, and watch the answer stream in.</source>
        <translation>向阿里云百炼的通义千问视觉语言模型询问图片内容：拖入、粘贴或截取图片，提出问题，即可看到实时生成的回答。</translation>
    </message>
    <message>
        <source>User settings</source>
        <translation>用户设置</translation>
    </message>
    <message>
        <source>System settings</source>
        <translation>系统设置</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>%1; Qt and PySide6 under the LGPLv3</source>
        <translation>%1；Qt 和 PySide6 采用 LGPLv3</translation>
    </message>
    <message>
        <source>No telemetry, no update check: the app connects only to the endpoint you configure.</source>
        <translation>无遥测，无更新检查：应用只连接你配置的接入地址。</translation>
    </message>
    <message>
        <source>About Qwen-VL Desktop</source>
        <translation>关于 Qwen-VL Desktop</translation>
    </message>
</context>
<context>
    <name>AnnotationStore</name>
    <message>
        <source>the service downloaded this image from its link; the app has no copy</source>
        <translation>此图片由服务从链接下载，应用没有副本</translation>
    </message>
    <message>
        <source>The original file is not at hand: the boxes are drawn on the picture that was sent, enlarged to the original %1×%2 px.</source>
        <translation>找不到原始文件：框已绘制在发送的图片上，并放大到原始尺寸 %1×%2 px。</translation>
    </message>
</context>
<context>
    <name>AnnotationsTool</name>
    <message>
        <source>Find in the images</source>
        <translation>在图片中查找</translation>
    </message>
    <message>
        <source>What should be found and boxed? (e.g. “every person”, “the Save button”)</source>
        <translation>要查找并框出什么？（例如“所有人”“保存按钮”）</translation>
    </message>
    <message>
        <source>Point at</source>
        <translation>指出</translation>
    </message>
    <message>
        <source>What should be pointed at? (e.g. “each apple”, “the close button”)</source>
        <translation>要指出什么？（例如“每个苹果”“关闭按钮”）</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Ask for boxes around what you name, in the images</source>
        <translation>请求在图片中框出你指定的对象</translation>
    </message>
    <message>
        <source>&amp;Point at…</source>
        <translation>指出(&amp;P)…</translation>
    </message>
    <message>
        <source>Ask for a point on each thing you name, in the images</source>
        <translation>请求在图片中用点标出你指定的每个对象</translation>
    </message>
    <message>
        <source>Show &amp;boxes and points</source>
        <translation>显示框和点(&amp;B)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Preparing images…</source>
        <translation>正在准备图片…</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>Saved %1. %2</source>
        <translation>已保存到 %1。%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Add an image first: Find… and Point at… look in the images.</source>
        <translation>请先添加图片：“查找…”和“指出…”会在图片中查找。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Configuration: %1</source>
        <translation>配置：%1</translation>
    </message>
</context>
<context>
    <name>AttachmentNotes</name>
    <message>
        <source>%1 — link, up to %2 tokens</source>
        <translation>%1 — 链接，最多 %2 Token</translation>
    </message>
    <message>
        <source>%1×%2 image</source>
        <translation>%1×%2 图像</translation>
    </message>
    <message>
        <source>%1 — %2 → %3, %4 KiB, ≈%5 tokens</source>
        <translation>%1 — %2 → %3，%4 KiB，约 %5 Token</translation>
    </message>
    <message>
        <source>%1 — %2 → %3, %4 KiB, ≈%5 tokens (high resolution)</source>
        <translation>%1 — %2 → %3，%4 KiB，约 %5 Token（高分辨率）</translation>
    </message>
    <message>
        <source>%1 — %2 → %3, %4 KiB, ≈%5 tokens (economy)</source>
        <translation>%1 — %2 → %3，%4 KiB，约 %5 Token（节省）</translation>
    </message>
    <message>
        <source>%1 does not take the high-resolution flag: sent at its default budget</source>
        <translation>%1 不支持高分辨率标志：已按其默认预算发送</translation>
    </message>
    <message>
        <source>reduced to %1×%2 px to stay under the %3 MiB data-URI limit</source>
        <translation>已缩小到 %1×%2 px，以不超过 %3 MiB 的 Data URI 上限</translation>
    </message>
    <message>
        <source>transparency flattened onto white (JPEG has no alpha channel)</source>
        <translation>透明区域已填充为白色（JPEG 没有 Alpha 通道）</translation>
    </message>
    <message>
        <source>mirrored</source>
        <translation>左右镜像</translation>
    </message>
    <message>
        <source>rotated 180°</source>
        <translation>旋转 180°</translation>
    </message>
    <message>
        <source>flipped</source>
        <translation>上下翻转</translation>
    </message>
    <message>
        <source>rotated and mirrored</source>
        <translation>旋转并镜像</translation>
    </message>
    <message>
        <source>rotated 90°</source>
        <translation>旋转 90°</translation>
    </message>
    <message>
        <source>rotated 270°</source>
        <translation>旋转 270°</translation>
    </message>
    <message>
        <source>EXIF orientation applied (%1)</source>
        <translation>已应用 EXIF 方向（%1）</translation>
    </message>
    <message>
        <source>multi-picture file: only its main picture is sent</source>
        <translation>多图文件：只发送其主图</translation>
    </message>
    <message>
        <source>animated image: only the first frame is sent</source>
        <translation>动画图像：只发送第一帧</translation>
    </message>
    <message>
        <source>enlarged from %1×%2 px: the service refuses sides under %3 px</source>
        <translation>已从 %1×%2 px 放大：服务不接受短于 %3 px 的边</translation>
    </message>
    <message>
        <source>reduced from %1×%2 px to the %3-token budget</source>
        <translation>已从 %1×%2 px 缩小到 %3 Token 的预算</translation>
    </message>
    <message>
        <source>enlarged from %1×%2 px to the model&apos;s minimum size</source>
        <translation>已从 %1×%2 px 放大到模型的最小尺寸</translation>
    </message>
    <message>
        <source>CMYK converted to RGB with its colour profile</source>
        <translation>已按其颜色配置文件将 CMYK 转换为 RGB</translation>
    </message>
    <message>
        <source>CMYK converted to RGB</source>
        <translation>已将 CMYK 转换为 RGB</translation>
    </message>
    <message>
        <source>colours converted to sRGB from the embedded profile</source>
        <translation>已根据嵌入的配置文件将颜色转换为 sRGB</translation>
    </message>
    <message>
        <source>16-bit image reduced to 8 bits</source>
        <translation>已将 16 位图像降为 8 位</translation>
    </message>
    <message>
        <source>floating-point image reduced to 8 bits</source>
        <translation>已将浮点图像降为 8 位</translation>
    </message>
    <message>
        <source>high-depth image stretched from its range %1–%2 to 8 bits</source>
        <translation>已将高位深图像从其范围 %1–%2 拉伸到 8 位</translation>
    </message>
    <message>
        <source>lossless %1</source>
        <translation>无损 %1</translation>
    </message>
    <message>
        <source>photo: JPEG quality %1, the lowest whose SSIM against the resized image reaches %2 (%3 on its most detailed tiles)</source>
        <translation>照片：JPEG 质量 %1，这是相对缩放后图像的 SSIM 达到 %2 的最低质量（细节最多的图块上为 %3）</translation>
    </message>
    <message>
        <source>image: JPEG quality %1, the lowest whose SSIM against the resized image reaches %2 (%3 on its most detailed tiles)</source>
        <translation>图像：JPEG 质量 %1，这是相对缩放后图像的 SSIM 达到 %2 的最低质量（细节最多的图块上为 %3）</translation>
    </message>
    <message>
        <source>photo: JPEG quality %1, the highest used (SSIM %3, under %2: fine detail like noise costs too many bytes to keep)</source>
        <translation>照片：JPEG 质量 %1，即所用的最高质量（SSIM 为 %3，低于 %2：保留噪点之类的细节需要太多字节）</translation>
    </message>
    <message>
        <source>image: JPEG quality %1, the highest used (SSIM %3, under %2: fine detail like noise costs too many bytes to keep)</source>
        <translation>图像：JPEG 质量 %1，即所用的最高质量（SSIM 为 %3，低于 %2：保留噪点之类的细节需要太多字节）</translation>
    </message>
    <message>
        <source>the original file is sent unchanged (already the size the model sees)</source>
        <translation>原文件原样发送（已是模型所见的尺寸）</translation>
    </message>
    <message>
        <source>text and hard edges: %1, every pixel exact (%2; %3)</source>
        <translation>文字和锐利边缘：%1，每个像素都精确保留（%2；%3）</translation>
    </message>
    <message>
        <source>text and hard edges: %1, every pixel exact (%2)</source>
        <translation>文字和锐利边缘：%1，每个像素都精确保留（%2）</translation>
    </message>
    <message>
        <source>%1; lossless (%2, %3 MiB) would exceed the %4 MiB data-URI limit</source>
        <translation>%1；无损格式（%2，%3 MiB）会超过 %4 MiB 的 Data URI 上限</translation>
    </message>
    <message>
        <source>JPEG quality lowered to %1 to stay under the %2 MiB data-URI limit</source>
        <translation>为不超过 %2 MiB 的 Data URI 上限，已将 JPEG 质量降至 %1</translation>
    </message>
    <message>
        <source>%1 — link, sampled by the service at %2 fps</source>
        <translation>%1 — 链接，由服务按 %2 fps 采样</translation>
    </message>
    <message>
        <source>%1 — %2, %3 frames at %4 fps, %5 px, %6 MiB, ≈%7 tokens</source>
        <translation>%1 — %2，%3 帧（%4 fps），%5 px，%6 MiB，约 %7 Token</translation>
    </message>
    <message>
        <source>frames reduced from %1×%2 to %3×%4 px to keep the video under %5</source>
        <translation>为使视频不超过 %5，已将各帧从 %1×%2 缩小到 %3×%4 px</translation>
    </message>
    <message>
        <source>JPEG quality of the frames lowered to keep the video under the limit</source>
        <translation>为使视频不超过上限，已降低各帧的 JPEG 质量</translation>
    </message>
    <message>
        <source>%1 of %2 frames left out to stay under %3: sent as %4 fps</source>
        <translation>为不超过 %3，已从 %2 帧中省去 %1 帧：按 %4 fps 发送</translation>
    </message>
    <message>
        <source>the clip ends at %1 s, before its stated length of %2 s: %3 frames sent</source>
        <translation>视频在 %1 秒处就结束了，早于其标称长度 %2 秒：已发送 %3 帧</translation>
    </message>
    <message>
        <source>%1 takes at most %2 frames of a video; %2 are sent</source>
        <translation>%1 每个视频最多接受 %2 帧；将发送 %2 帧</translation>
    </message>
    <message>
        <source>%1 frames over %2 minutes are %3 s apart, more than the %4 s the fps field can say: times in the answer are approximate</source>
        <translation>%2 分钟内 %1 帧的间隔为 %3 秒，超过 fps 字段能表示的 %4 秒：回答中的时间仅为近似值</translation>
    </message>
    <message>
        <source>%1 frames spread over the whole clip instead of %2 (%3 fps): sent as %4 fps, their real spacing</source>
        <translation>未按 %2 帧（%3 fps）抽取，而是在整个视频中均匀分布 %1 帧：按其实际间隔 %4 fps 发送</translation>
    </message>
</context>
<context>
    <name>Batch</name>
    <message>
        <source>get its rows later with %1 (progress: %2)</source>
        <translation>稍后可用 %1 获取其结果行（进度：%2）</translation>
    </message>
    <message>
        <source>Every input is already in the output file; nothing to send.</source>
        <translation>所有输入都已在输出文件中；没有需要发送的内容。</translation>
    </message>
    <message>
        <source>Uploading %1 requests (%2)…</source>
        <translation>正在上传 %1 个请求（%2）…</translation>
    </message>
    <message>
        <source>Batch %1 created; it keeps running on the service if this stops: %2.</source>
        <translation>已创建批处理 %1；即使这里停止，它也会在服务端继续运行：%2。</translation>
    </message>
    <message>
        <source>Batch %1: %2</source>
        <translation>批处理 %1：%2</translation>
    </message>
    <message>
        <source>Stopped waiting; batch %1 keeps running: %2.</source>
        <translation>已停止等待；批处理 %1 仍在运行：%2。</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif *.tif *.tiff *.heic *.heif *.avif);;Lists with a path column (*.csv *.jsonl);;All files (*)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.webp *.bmp *.gif *.tif *.tiff *.heic *.heif *.avif);;含路径列的列表 (*.csv *.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Custom question</source>
        <translation>自定义问题</translation>
    </message>
    <message>
        <source>Ask about many images</source>
        <translation>批量询问图片</translation>
    </message>
    <message>
        <source>Ask</source>
        <translation>提问</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>Files…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>Images:</source>
        <translation>图片：</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>At once:</source>
        <translation>并发数：</translation>
    </message>
    <message>
        <source>The question asked about each image</source>
        <translation>针对每张图片提出的问题</translation>
    </message>
    <message>
        <source>How many requests go at once; fewer when the service says to slow down</source>
        <translation>同时发送的请求数；服务要求降速时会自动减少</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <source>No new request starts; those on their way finish</source>
        <translation>不再开始新的请求；已发出的请求会继续完成</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop: the rows finished are kept</source>
        <translation>停止：已完成的行会保留</translation>
    </message>
    <message>
        <source>Double-click a row to open it as a conversation</source>
        <translation>双击某行可作为对话打开</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export JSONL…</source>
        <translation>导出 JSONL…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Ask about the images in a folder</source>
        <translation>询问文件夹中的图片</translation>
    </message>
    <message>
        <source>Ask about these images</source>
        <translation>询问这些图片</translation>
    </message>
    <message>
        <source>Export the results as %1</source>
        <translation>将结果导出为 %1</translation>
    </message>
    <message>
        <source>Choose a folder (every image in it and below) or files.</source>
        <translation>请选择文件夹（包括其中及子文件夹中的所有图片）或文件。</translation>
    </message>
    <message>
        <source>Looking for images…</source>
        <translation>正在查找图片…</translation>
    </message>
    <message>
        <source>%1 selections</source>
        <translation>%1 个选择项</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%2 中%1</translation>
    </message>
    <message>
        <source>Choose images and type a question first.</source>
        <translation>请先选择图片并输入问题。</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>已完成 %1 / %2</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 项失败</translation>
    </message>
    <message>
        <source>%1 images/s</source>
        <translation>%1 张/秒</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>约剩 %1</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Token</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Cancelled: %1 answered, %2 failed of %3 in %4</source>
        <translation>已取消：共 %3 项，%1 项已回答，%2 项失败，用时 %4</translation>
    </message>
    <message>
        <source>Finished: %1 answered, %2 failed of %3 in %4</source>
        <translation>已完成：共 %3 项，%1 项已回答，%2 项失败，用时 %4</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Cancelling: the rows finished are kept…</source>
        <translation>正在取消：已完成的行会保留…</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
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
        <translation>%1 小时 %2 分</translation>
    </message>
</context>
<context>
    <name>BatchRun</name>
    <message>
        <source>The batch stopped: %1</source>
        <translation>批量处理已停止：%1</translation>
    </message>
    <message>
        <source>No API key is set for this endpoint: set one with File ▸ Set API key…, then start again.</source>
        <translation>尚未为此接入地址设置 API Key：请通过“文件 ▸ 设置 API Key…”设置后重新开始。</translation>
    </message>
    <message>
        <source>No API key is set for region %1: set one with File ▸ Set API key…, then start again.</source>
        <translation>尚未为地域 %1 设置 API Key：请通过“文件 ▸ 设置 API Key…”设置后重新开始。</translation>
    </message>
    <message>
        <source>Opened without its image: %1</source>
        <translation>已打开，但未包含图片：%1</translation>
    </message>
    <message>
        <source>The inputs cannot be listed: %1.</source>
        <translation>无法列出输入：%1。</translation>
    </message>
    <message>
        <source>1 image found</source>
        <translation>找到 1 张图片</translation>
    </message>
    <message>
        <source>%1 images found</source>
        <translation>找到 %1 张图片</translation>
    </message>
    <message>
        <source>The results could not be exported to %1: %2.</source>
        <translation>无法将结果导出到 %1：%2。</translation>
    </message>
    <message>
        <source>Exported 1 row to %1</source>
        <translation>已将 1 行导出到 %1</translation>
    </message>
    <message>
        <source>Exported %2 rows to %1</source>
        <translation>已将 %2 行导出到 %1</translation>
    </message>
</context>
<context>
    <name>BatchTool</name>
    <message>
        <source>Ask about many &amp;images…</source>
        <translation>批量询问多张图片(&amp;I)…</translation>
    </message>
    <message>
        <source>One question about every image in a folder, answers in a table</source>
        <translation>对文件夹中的每张图片提出同一个问题，回答汇总为表格</translation>
    </message>
    <message>
        <source>region %1</source>
        <translation>地域 %1</translation>
    </message>
    <message>
        <source>The row is open: ask a follow-up about its image.</source>
        <translation>已打开该行：可以继续就其图片提问。</translation>
    </message>
</context>
<context>
    <name>CaptureTools</name>
    <message>
        <source>copied image</source>
        <translation>复制的图片</translation>
    </message>
    <message>
        <source>screen capture</source>
        <translation>屏幕截图</translation>
    </message>
    <message>
        <source>Quick prompts: %1</source>
        <translation>快捷提示词：%1</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>Attach the clipboard&apos;s image, or paste its text</source>
        <translation>附加剪贴板中的图片，或粘贴其中的文字</translation>
    </message>
    <message>
        <source>Capture &amp;region…</source>
        <translation>截取区域(&amp;R)…</translation>
    </message>
    <message>
        <source>Drag a rectangle on the screen; it becomes an image</source>
        <translation>在屏幕上拖出一个矩形区域，截取为图片</translation>
    </message>
    <message>
        <source>Capture and e&amp;xtract text…</source>
        <translation>截图并提取文字(&amp;X)…</translation>
    </message>
    <message>
        <source>Drag a rectangle on the screen; its text goes to the clipboard</source>
        <translation>在屏幕上拖出一个矩形区域，其中的文字将复制到剪贴板</translation>
    </message>
    <message>
        <source>&amp;Watch clipboard</source>
        <translation>监视剪贴板(&amp;W)</translation>
    </message>
    <message>
        <source>Attach every new image copied to the clipboard</source>
        <translation>自动附加复制到剪贴板的每张新图片</translation>
    </message>
    <message>
        <source>Edit &amp;quick prompts…</source>
        <translation>编辑快捷提示词(&amp;Q)…</translation>
    </message>
    <message>
        <source>● Watching clipboard</source>
        <translation>● 正在监视剪贴板</translation>
    </message>
    <message>
        <source>Each new image copied to the clipboard is attached to the next question. Click to stop watching.</source>
        <translation>复制到剪贴板的每张新图片都会附加到下一个问题。点击可停止监视。</translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation>剪贴板中没有图片。</translation>
    </message>
    <message>
        <source>%1 links will be sent; the service downloads the image.</source>
        <translation>将发送 %1 个链接，由服务端下载图片。</translation>
    </message>
    <message>
        <source>The link will be sent; the service downloads the image.</source>
        <translation>将发送该链接，由服务端下载图片。</translation>
    </message>
    <message>
        <source>Watching the clipboard: each new image copied is attached.</source>
        <translation>正在监视剪贴板：每张新复制的图片都会被附加。</translation>
    </message>
    <message>
        <source>Stopped watching the clipboard.</source>
        <translation>已停止监视剪贴板。</translation>
    </message>
    <message>
        <source>Copied %1×%2 image attached (watching the clipboard).</source>
        <translation>已附加复制的 %1×%2 图片（正在监视剪贴板）。</translation>
    </message>
    <message>
        <source>Copied image attached (watching the clipboard).</source>
        <translation>已附加复制的图片（正在监视剪贴板）。</translation>
    </message>
    <message>
        <source>A capture is already running (Esc cancels it).</source>
        <translation>已有截图正在进行（按 Esc 取消）。</translation>
    </message>
    <message>
        <source>Capture cancelled.</source>
        <translation>已取消截图。</translation>
    </message>
    <message>
        <source>Screen capture %1×%2 attached.</source>
        <translation>已附加 %1×%2 的屏幕截图。</translation>
    </message>
    <message>
        <source>Screen capture attached.</source>
        <translation>已附加屏幕截图。</translation>
    </message>
    <message>
        <source>Capture region</source>
        <translation>截取区域</translation>
    </message>
    <message>
        <source>The screen could not be captured.</source>
        <translation>无法截取屏幕。</translation>
    </message>
    <message>
        <source>Capture region did not work here: see the dialog.</source>
        <translation>此环境下无法截取区域：请查看对话框。</translation>
    </message>
    <message>
        <source>Still running in the tray: Capture, Ask about clipboard, Quit.</source>
        <translation>应用仍在托盘中运行：截图、询问剪贴板内容、退出。</translation>
    </message>
</context>
<context>
    <name>ChatController</name>
    <message>
        <source>locked by the system-wide configuration</source>
        <translation>已被系统级配置锁定</translation>
    </message>
    <message>
        <source>named on the command line</source>
        <translation>已在命令行中指定</translation>
    </message>
    <message>
        <source>%1 does not list %2; kept: %3.</source>
        <translation>%1 的列表中没有 %2；仍保留使用（%3）。</translation>
    </message>
    <message>
        <source>%1 does not offer %2: switched to %3.</source>
        <translation>%1 不提供 %2：已切换到 %3。</translation>
    </message>
    <message>
        <source>The custom endpoint</source>
        <translation>自定义接入地址</translation>
    </message>
    <message>
        <source>%1 cannot read images. Switch to %2 to ask about them.</source>
        <translation>%1 无法读取图片。如需询问图片，请切换到 %2。</translation>
    </message>
    <message>
        <source>%1 cannot read images.</source>
        <translation>%1 无法读取图片。</translation>
    </message>
    <message>
        <source>The question being edited is no longer in the conversation.</source>
        <translation>正在编辑的问题已不在对话中。</translation>
    </message>
    <message>
        <source>Question edited: 1 turn dropped.</source>
        <translation>问题已编辑：删除了 1 轮对话。</translation>
    </message>
    <message>
        <source>Question edited: %1 turns dropped.</source>
        <translation>问题已编辑：删除了 %1 轮对话。</translation>
    </message>
    <message>
        <source>Edit undone: the earlier turns are back.</source>
        <translation>已撤销编辑：之前的对话轮次已恢复。</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
</context>
<context>
    <name>CliAnnotate</name>
    <message>
        <source>--annotate-image chooses the image --annotate draws on; add it.</source>
        <translation>--annotate-image 用于选择 --annotate 绘制在哪张图片上；请同时加上 --annotate。</translation>
    </message>
    <message>
        <source>--annotate draws on an image of the question; add one with --image.</source>
        <translation>--annotate 会绘制在提问的图片上；请用 --image 添加一张图片。</translation>
    </message>
    <message>
        <source>--annotate-image %1: the question has 1 image.</source>
        <translation>--annotate-image %1：提问中只有 1 张图片。</translation>
    </message>
    <message>
        <source>--annotate-image %1: the question has %2 images.</source>
        <translation>--annotate-image %1：提问中有 %2 张图片。</translation>
    </message>
    <message>
        <source>--annotate needs the pixels of image %1, a link the service fetches itself; download it and pass the file instead.</source>
        <translation>--annotate 需要图片 %1 的像素，但它是由服务自行获取的链接；请先下载，再以文件形式传入。</translation>
    </message>
    <message>
        <source>--annotate %1: name the file .png, .jpg or .webp to choose its format.</source>
        <translation>--annotate %1：请将文件命名为 .png、.jpg 或 .webp 以确定格式。</translation>
    </message>
    <message>
        <source>No boxes or points for image %1 in the answer; %2 not written.</source>
        <translation>回答中没有图片 %1 的框或点；未写入 %2。</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 box(es), %3 point(s) on image %4).</source>
        <translation>已写入 %1（图片 %4 上有 %2 个框、%3 个点）。</translation>
    </message>
</context>
<context>
    <name>CliAsk</name>
    <message>
        <source>Give a question (PROMPT) or a task (--task ocr, table, …).</source>
        <translation>请给出问题（PROMPT）或任务（--task ocr、table 等）。</translation>
    </message>
    <message>
        <source>note: %1; nothing written to %2</source>
        <translation>注意：%1；未写入 %2</translation>
    </message>
    <message>
        <source>%1 only answers as a stream (stream-only model); drop --no-stream.</source>
        <translation>%1 只能以流式方式回答（仅流式模型）；请去掉 --no-stream。</translation>
    </message>
    <message>
        <source>%1 only answers as a stream (thinking model); drop --no-stream.</source>
        <translation>%1 只能以流式方式回答（思考模型）；请去掉 --no-stream。</translation>
    </message>
    <message>
        <source>thinking answers are only available streamed; drop --no-stream.</source>
        <translation>带思考过程的回答只能以流式方式获取；请去掉 --no-stream。</translation>
    </message>
    <message>
        <source>note: %1 is not listed for region %2; sending anyway.</source>
        <translation>注意：%1 不在地域 %2 的列表中，仍将发送。</translation>
    </message>
</context>
<context>
    <name>CliBatch</name>
    <message>
        <source>No inputs given: name image files, folders, globs or a list.</source>
        <translation>没有输入：请指定图片文件、文件夹、glob 模式或列表文件。</translation>
    </message>
    <message>
        <source>--via-batch-api writes its rows to a file: add --output FILE.</source>
        <translation>--via-batch-api 会将结果行写入文件：请加上 --output FILE。</translation>
    </message>
    <message>
        <source>resuming: %1 rows already in %2; asking again the %3 that failed</source>
        <translation>继续：%2 中已有 %1 行；将重新请求失败的 %3 项</translation>
    </message>
    <message>
        <source>resuming: %1 rows already in %2</source>
        <translation>继续：%2 中已有 %1 行</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>stopped; the rows done are in %1, rerun to go on</source>
        <translation>已停止；已完成的行在 %1 中，重新运行即可继续</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>%1 succeeded</source>
        <translation>成功 %1 项</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>失败 %1 项</translation>
    </message>
    <message>
        <source>%1 skipped (done before)</source>
        <translation>跳过 %1 项（之前已完成）</translation>
    </message>
    <message>
        <source>%1 inputs: %2 in %3 s, %4 tokens; rows in %5</source>
        <translation>%1 项输入：%2，用时 %3 秒，%4 个 Token；结果行在 %5 中</translation>
    </message>
    <message>
        <source>%1 inputs: %2 in %3 s, %4 tokens</source>
        <translation>%1 项输入：%2，用时 %3 秒，%4 个 Token</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 个 Token</translation>
    </message>
    <message>
        <source>%1 skipped</source>
        <translation>跳过 %1 项</translation>
    </message>
    <message>
        <source>%1 at once</source>
        <translation>同时 %1 个</translation>
    </message>
    <message>
        <source>%1/%2 done, %3/s, ETA %4 s, %5</source>
        <translation>已完成 %1/%2，%3 项/秒，预计剩余 %4 秒，%5</translation>
    </message>
    <message>
        <source>%1/%2 done, %3/s, %5</source>
        <translation>已完成 %1/%2，%3 项/秒，%5</translation>
    </message>
</context>
<context>
    <name>CliConfig</name>
    <message>
        <source>--set expects NAME=VALUE, got %1</source>
        <translation>--set 需要 NAME=VALUE 格式，实际为 %1</translation>
    </message>
    <message>
        <source># Effective settings. Layers, lowest first: default &lt; system file &lt; user file
# &lt; environment &lt; command line. Each line names the layer its value came from.</source>
        <translation># 生效的设置。层级从低到高：default &lt; system file &lt; user file
# &lt; environment &lt; command line。每行注明其值来自哪一层。</translation>
    </message>
    <message>
        <source># %1 not set</source>
        <translation># %1 未设置</translation>
    </message>
    <message>
        <source>%1 [locked]</source>
        <translation>%1 [已锁定]</translation>
    </message>
    <message>
        <source># endpoint in use: %1 (region %2)</source>
        <translation># 当前接入地址：%1（地域 %2）</translation>
    </message>
    <message>
        <source>%1; named by %2</source>
        <translation>%1；由 %2 指定</translation>
    </message>
</context>
<context>
    <name>CliJobs</name>
    <message>
        <source>The service stops it shortly; requests already answered are kept: %1.</source>
        <translation>服务将很快停止该任务；已回答的请求会保留：%1。</translation>
    </message>
    <message>
        <source>No batch jobs for this key at this endpoint.</source>
        <translation>此 API Key 在该接入地址下没有批处理任务。</translation>
    </message>
    <message>
        <source>created: %1</source>
        <translation>创建时间：%1</translation>
    </message>
    <message>
        <source>model: %1</source>
        <translation>模型：%1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>rows: `qwenvl-desktop jobs results %1 --output FILE`</source>
        <translation>结果行：`qwenvl-desktop jobs results %1 --output FILE`</translation>
    </message>
    <message>
        <source>still running: %1</source>
        <translation>仍在运行：%1</translation>
    </message>
    <message>
        <source>%1 is still %2; nothing was written. Try again later, or add --wait.</source>
        <translation>%1 仍处于 %2；未写入任何内容。请稍后再试，或加上 --wait。</translation>
    </message>
    <message>
        <source>%1 (%2): %3 rows answered, %4 failed, in %5</source>
        <translation>%1（%2）：已回答 %3 行，失败 %4 行，写入 %5</translation>
    </message>
</context>
<context>
    <name>CliKeys</name>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>No API key for the endpoint %1. Set the environment variable %2, or store one in the OS keyring with `qwenvl-desktop key set %3`.</source>
        <translation>接入地址 %1 没有 API Key。请设置环境变量 %2，或用 `qwenvl-desktop key set %3` 将其保存到系统密钥环。</translation>
    </message>
    <message>
        <source>No API key for region %1. Set the environment variable %2, or store one in the OS keyring with `qwenvl-desktop key set %3`.</source>
        <translation>地域 %1 没有 API Key。请设置环境变量 %2，或用 `qwenvl-desktop key set %3` 将其保存到系统密钥环。</translation>
    </message>
    <message>
        <source> (The OS keyring is not available: %1.)</source>
        <translation>（系统密钥环不可用：%1。）</translation>
    </message>
    <message>
        <source>no custom endpoint is configured; give --region or --base-url.</source>
        <translation>未配置自定义接入地址；请指定 --region 或 --base-url。</translation>
    </message>
    <message>
        <source>the endpoint %1</source>
        <translation>接入地址 %1</translation>
    </message>
    <message>
        <source>region %1</source>
        <translation>地域 %1</translation>
    </message>
    <message>
        <source>No OS keyring is available (%1), so the key cannot be saved — and it is never written to a file instead. Use one of these:
  - set the environment variable %2 for the program, or
  - open the window and enter the key there for this session only (kept in memory, asked for again next time).</source>
        <translation>系统密钥环不可用（%1），因此无法保存 API Key，也绝不会改为写入文件。请使用以下方式之一：
  - 为本程序设置环境变量 %2，或
  - 打开窗口，在其中输入 API Key，仅用于本次会话（只保存在内存中，下次会再次询问）。</translation>
    </message>
    <message>
        <source>no backend</source>
        <translation>无后端</translation>
    </message>
    <message>
        <source>No key was given: there is no standard input.</source>
        <translation>未提供 API Key：没有标准输入。</translation>
    </message>
    <message>
        <source>API key for %1 (input hidden): </source>
        <translation>%1 的 API Key（输入不会显示）：</translation>
    </message>
    <message>
        <source>Stored the key %1 for %2 in the %3.</source>
        <translation>已将 API Key %1 保存到%3，用于%2。</translation>
    </message>
    <message>
        <source>note: it does not look like a Model Studio key (sk-…); stored anyway.</source>
        <translation>注意：这看起来不像 Model Studio 的 API Key（sk-…）；仍已保存。</translation>
    </message>
    <message>
        <source>note: %1 is set in this environment and is used instead of the stored key.</source>
        <translation>注意：当前环境中设置了 %1，将使用它而不是已保存的 API Key。</translation>
    </message>
    <message>
        <source>Check it with: qwenvl-desktop key check %1</source>
        <translation>检查方法：qwenvl-desktop key check %1</translation>
    </message>
    <message>
        <source>No OS keyring is available (%1); there is no stored key to delete.</source>
        <translation>系统密钥环不可用（%1）；没有可删除的已保存 API Key。</translation>
    </message>
    <message>
        <source>Deleted the stored key for %1.</source>
        <translation>已删除%1的已保存 API Key。</translation>
    </message>
    <message>
        <source>No key was stored for %1.</source>
        <translation>%1没有已保存的 API Key。</translation>
    </message>
    <message>
        <source>OS keyring: %1 (service %2)</source>
        <translation>系统密钥环：%1（服务 %2）</translation>
    </message>
    <message>
        <source>OS keyring: not available — %1.</source>
        <translation>系统密钥环：不可用 — %1。</translation>
    </message>
    <message>
        <source>  Keys can come from the environment or be entered in the window for one session.</source>
        <translation>  API Key 可来自环境变量，或在窗口中输入，仅用于本次会话。</translation>
    </message>
    <message>
        <source>In use by default: %1 (from %2)</source>
        <translation>默认使用：%1（来自 %2）</translation>
    </message>
    <message>
        <source>Checking the key %1 from %2 at %3 …</source>
        <translation>正在 %3 检查来自 %2 的 API Key %1…</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>likely region mismatch</source>
        <translation>可能是地域不匹配</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>region mismatch</source>
        <translation>地域不匹配</translation>
    </message>
</context>
<context>
    <name>CliMain</name>
    <message>
        <source>a command is needed here; `qwenvl-desktop` alone opens the window</source>
        <translation>此处需要一个命令；单独运行 `qwenvl-desktop` 会打开窗口</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>已中断</translation>
    </message>
    <message>
        <source>internal error: %1: %2 (set QWENVL_DESKTOP_DEBUG=1 for the traceback)</source>
        <translation>内部错误：%1：%2（设置 QWENVL_DESKTOP_DEBUG=1 可查看回溯信息）</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
</context>
<context>
    <name>CliModels</name>
    <message>
        <source>always reasons step by step before it answers (slower, billed as output)</source>
        <translation>回答前总是逐步推理（更慢，按输出计费）</translation>
    </message>
    <message>
        <source>can reason before it answers; --thinking switches that on</source>
        <translation>可在回答前推理；用 --thinking 开启</translation>
    </message>
    <message>
        <source>answers only as a stream; --no-stream is refused</source>
        <translation>只以流式方式回答；不接受 --no-stream</translation>
    </message>
    <message>
        <source>made for reading the text in images</source>
        <translation>专用于识别图片中的文字</translation>
    </message>
    <message>
        <source>also takes video</source>
        <translation>也可处理视频</translation>
    </message>
    <message>
        <source>can point at things: boxes on a 0-1000 grid over the image</source>
        <translation>可以定位物体：以图片上 0-1000 网格表示的框</translation>
    </message>
    <message>
        <source>can point at things: boxes in pixels of the image as the service resized it</source>
        <translation>可以定位物体：以服务缩放后图片的像素表示的框</translation>
    </message>
    <message>
        <source>each image token covers N x N pixels</source>
        <translation>每个图像 Token 覆盖 N x N 像素</translation>
    </message>
    <message>
        <source>the most tokens one conversation can hold (questions, images, answers)</source>
        <translation>一次对话最多可容纳的 Token 数（问题、图片、回答）</translation>
    </message>
    <message>
        <source>the longest answer, in tokens</source>
        <translation>回答的最大长度（Token 数）</translation>
    </message>
    <message>
        <source>cannot read images</source>
        <translation>无法读取图片</translation>
    </message>
    <message>
        <source>not in the built-in catalog: what it can do is guessed from its name</source>
        <translation>不在内置目录中：其能力根据名称推测</translation>
    </message>
    <message>
        <source>a name from your configuration ([models.&quot;…&quot;] like = NAME): it behaves as NAME</source>
        <translation>来自你的配置的名称（[models.&quot;…&quot;] like = NAME）：其行为与 NAME 相同</translation>
    </message>
    <message>
        <source>Flags:</source>
        <translation>标志：</translation>
    </message>
    <message>
        <source>Every model of the built-in catalog (%1); a custom endpoint may serve others, which work with the defaults of the family their name resembles.</source>
        <translation>内置目录中的全部模型（%1 个）；自定义接入地址可能还提供其他模型，它们按名称相近的系列的默认设置工作。</translation>
    </message>
    <message>
        <source>Models offered in %1 (%2, %3): %4</source>
        <translation>%1（%2，%3）提供的模型：%4 个</translation>
    </message>
</context>
<context>
    <name>CliOptions</name>
    <message>
        <source>%1: %2; a key works only in its own region (default: %3)</source>
        <translation>%1：%2；API Key 只能在其所属地域使用（默认：%3）</translation>
    </message>
    <message>
        <source>%1: %2 (default: %3)</source>
        <translation>%1：%2（默认：%3）</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>用法: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示此帮助信息并退出</translation>
    </message>
    <message>
        <source>%1: error: %2</source>
        <translation>%1: 错误: %2</translation>
    </message>
    <message>
        <source>the Model Studio region</source>
        <translation>Model Studio 的地域</translation>
    </message>
    <message>
        <source>from configuration, else intl</source>
        <translation>取自配置，否则为 intl</translation>
    </message>
    <message>
        <source>any OpenAI-compatible base URL (the part before /chat/completions)</source>
        <translation>任意 OpenAI 兼容的基础 URL（/chat/completions 之前的部分）</translation>
    </message>
    <message>
        <source>model name (default from configuration, else qwen3-vl-plus)</source>
        <translation>模型名称（默认取自配置，否则为 qwen3-vl-plus）</translation>
    </message>
    <message>
        <source>Ask Qwen vision-language models about images. Without a command, opens the window.</source>
        <translation>向 Qwen 视觉语言模型询问图片相关的问题。不带命令时打开窗口。</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>显示程序版本号并退出</translation>
    </message>
    <message>
        <source>open screen-region capture (in the running window)</source>
        <translation>打开屏幕区域截图（在已运行的窗口中）</translation>
    </message>
    <message>
        <source>capture a screen region and put its text on the clipboard (Extract text, in the running window; a notification says when)</source>
        <translation>截取屏幕区域并将其中的文字放到剪贴板（已运行窗口中的“提取文字”；完成时会有通知）</translation>
    </message>
    <message>
        <source>ask one question; the answer streams to stdout</source>
        <translation>提一个问题；回答以流式输出到标准输出</translation>
    </message>
    <message>
        <source>the question (with --task: more words added to the task&apos;s question)</source>
        <translation>问题（与 --task 一起使用时：追加到任务问题后的内容）</translation>
    </message>
    <message>
        <source>an image to send (repeatable, order kept): a local file or an http(s) URL</source>
        <translation>要发送的图片（可重复，保持顺序）：本地文件或 http(s) URL</translation>
    </message>
    <message>
        <source>ask for the whole answer at once</source>
        <translation>一次性获取完整回答</translation>
    </message>
    <message>
        <source>switch thinking on</source>
        <translation>开启思考</translation>
    </message>
    <message>
        <source>switch thinking off</source>
        <translation>关闭思考</translation>
    </message>
    <message>
        <source>most reasoning tokens</source>
        <translation>推理 Token 的上限</translation>
    </message>
    <message>
        <source>a system prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>print one JSON object at the end instead of streaming</source>
        <translation>不以流式输出，而是在最后输出一个 JSON 对象</translation>
    </message>
    <message>
        <source>reasoning text to stderr as it arrives</source>
        <translation>推理文本到达时即输出到标准错误</translation>
    </message>
    <message>
        <source>image detail: standard, the pixels the model uses by default; high, up to 16,384 tokens per image where the model takes the high-resolution flag; economy, at most --economy-tokens per image</source>
        <translation>图像精细度：standard 为模型默认使用的像素；high 在支持高分辨率标志的模型上每张图片最多 16,384 个 Token；economy 每张图片最多 --economy-tokens 个 Token</translation>
    </message>
    <message>
        <source>with --detail economy: at most N image tokens per image (default 512; never more than standard, never under 4)</source>
        <translation>与 --detail economy 一起使用：每张图片最多 N 个图像 Token（默认 512；不超过 standard，不低于 4）</translation>
    </message>
    <message>
        <source>sampling temperature, 0 to under 2: lower gives steadier, more literal answers (default: the model&apos;s)</source>
        <translation>采样温度，0 到 2 之间（不含 2）：越低回答越稳定、越贴近字面（默认：模型的值）</translation>
    </message>
    <message>
        <source>nucleus sampling, over 0 up to 1: pick only among the likeliest words whose probabilities add up to P (default: the model&apos;s)</source>
        <translation>核采样，大于 0 且不超过 1：只在概率累计达到 P 的最可能词语中选择（默认：模型的值）</translation>
    </message>
    <message>
        <source>the longest answer, in tokens; reasoning is not counted (default: the model&apos;s)</source>
        <translation>回答的最大长度（Token 数），不计推理部分（默认：模型的值）</translation>
    </message>
    <message>
        <source>the same seed makes repeated questions give more alike answers (default: random)</source>
        <translation>使用相同的种子，重复提问时回答会更相近（默认：随机）</translation>
    </message>
    <message>
        <source>%1 is not a number</source>
        <translation>%1 不是数字</translation>
    </message>
    <message>
        <source>%1 is outside 0.1 to 10 frames a second</source>
        <translation>%1 超出了每秒 0.1 到 10 帧的范围</translation>
    </message>
    <message>
        <source>%1 is not a whole number</source>
        <translation>%1 不是整数</translation>
    </message>
    <message>
        <source>%1 is below 4, the fewest frames a video can have</source>
        <translation>%1 小于 4，视频至少需要 4 帧</translation>
    </message>
    <message>
        <source>a video to send (repeatable; videos and images keep their command-line order): a local clip (mp4, mov, webm, mkv, avi…) sent as frames, an animated GIF/APNG/WebP sent as its frames, or an http(s) link the service downloads</source>
        <translation>要发送的视频（可重复；视频和图片保持命令行中的顺序）：本地视频（mp4、mov、webm、mkv、avi 等）以帧的形式发送，动画 GIF/APNG/WebP 以其各帧发送，http(s) 链接由服务下载</translation>
    </message>
    <message>
        <source>frames a second taken from a local video, 0.1 to 10 (default 2); within the model&apos;s 4 to 512 frames (80 for older families). After a --video it is that video&apos;s alone; before every --video, each video&apos;s (--fps 1 --video A --video B --fps 3: A at 1, B at 3)</source>
        <translation>从本地视频中每秒抽取的帧数，0.1 到 10（默认 2）；控制在模型的 4 到 512 帧以内（较旧的系列为 80）。放在某个 --video 之后只作用于该视频；放在所有 --video 之前则作用于每个视频（--fps 1 --video A --video B --fps 3：A 为 1，B 为 3）</translation>
    </message>
    <message>
        <source>at most N frames of a video, spread evenly over the whole clip (the fps sent says their real spacing); after a --video, that video&apos;s alone, as --fps</source>
        <translation>每个视频最多 N 帧，均匀分布在整个片段中（发送的 fps 表示其实际间隔）；放在某个 --video 之后只作用于该视频，与 --fps 相同</translation>
    </message>
    <message>
        <source>ask a document task&apos;s question instead of PROMPT: ocr (extract the text; the region&apos;s OCR model unless --model is given), table (a Markdown table), formula (LaTeX), document (a Markdown page, &apos;qwenvl markdown&apos;), document-html (QwenVL HTML with element boxes)</source>
        <translation>以文档任务的问题代替 PROMPT：ocr（提取文字；未指定 --model 时使用该地域的 OCR 模型）、table（Markdown 表格）、formula（LaTeX）、document（Markdown 页面，&apos;qwenvl markdown&apos;）、document-html（带元素框的 QwenVL HTML）</translation>
    </message>
    <message>
        <source>also write the result to FILE: .csv the answer&apos;s tables as CSV, .tex the LaTeX, .md the Markdown, .html the page, else the text (fences removed)</source>
        <translation>同时将结果写入 FILE：.csv 为回答中的表格（CSV），.tex 为 LaTeX，.md 为 Markdown，.html 为页面，其他为纯文本（去除代码围栏）</translation>
    </message>
    <message>
        <source>draw the answer&apos;s boxes and points (bbox_2d/point_2d JSON, QwenVL HTML data-bbox) on the first image at its original size and write OUT.png; nothing is written when the answer has none</source>
        <translation>将回答中的框和点（bbox_2d/point_2d JSON、QwenVL HTML 的 data-bbox）按原始尺寸绘制在第一张图片上并写入 OUT.png；回答中没有框或点时不写入任何内容</translation>
    </message>
    <message>
        <source>the image --annotate draws on, 1 for the first (default: 1)</source>
        <translation>--annotate 绘制所在的图片，1 表示第一张（默认：1）</translation>
    </message>
    <message>
        <source>%1 is below 1; at least one request must run</source>
        <translation>%1 小于 1；至少要运行一个请求</translation>
    </message>
    <message>
        <source>ask the same question about many images; one result row per image</source>
        <translation>对多张图片提出同一个问题；每张图片一行结果</translation>
    </message>
    <message>
        <source>Ask PROMPT about each input, a few requests at a time, and write one row per input as it finishes. Rerun the same command to go on after a stop: inputs whose row succeeded (same file content, prompt and model) are skipped, failed ones asked again. Exit 0 when every row succeeded, 8 when some failed.</source>
        <translation>就每个输入询问 PROMPT，每次并行几个请求，每完成一个输入就写入一行。停止后重新运行同一命令即可继续：已成功的输入（文件内容、提示词和模型均相同）会被跳过，失败的会重新请求。全部成功时退出码为 0，部分失败时为 8。</translation>
    </message>
    <message>
        <source>the question for every input (left out with --task)</source>
        <translation>针对每个输入的问题（使用 --task 时省略）</translation>
    </message>
    <message>
        <source>image files, folders (recursive), globs (&apos;scans/**/*.png&apos;), http(s) URLs, or a .csv/.jsonl list with a &apos;path&apos; column and an optional per-row &apos;prompt&apos;</source>
        <translation>图片文件、文件夹（递归）、glob 模式（&apos;scans/**/*.png&apos;）、http(s) URL，或含 &apos;path&apos; 列及可选的逐行 &apos;prompt&apos; 列的 .csv/.jsonl 列表</translation>
    </message>
    <message>
        <source>results.jsonl or results.csv, appended row by row; without it, JSON lines go to stdout (nothing to resume from)</source>
        <translation>results.jsonl 或 results.csv，逐行追加；不指定时以 JSON Lines 输出到标准输出（无法从中断处继续）</translation>
    </message>
    <message>
        <source>requests in flight at most; fewer while the service answers 429 (default: 4)</source>
        <translation>同时进行的请求数上限；服务返回 429 期间会减少（默认：4）</translation>
    </message>
    <message>
        <source>a quick prompt&apos;s question instead of PROMPT: describe, extract-text (or ocr, with the region&apos;s OCR model unless --model is given), explain-error, translate, or one saved in the window</source>
        <translation>以快捷提示词的问题代替 PROMPT：describe、extract-text（或 ocr，未指定 --model 时使用该地域的 OCR 模型）、explain-error、translate，或在窗口中保存的提示词</translation>
    </message>
    <message>
        <source>image detail: standard, the pixels the model uses by default; high, up to 16,384 tokens per image where the model takes the high-resolution flag; economy, at most 512 tokens per image</source>
        <translation>图像精细度：standard 为模型默认使用的像素；high 在支持高分辨率标志的模型上每张图片最多 16,384 个 Token；economy 每张图片最多 512 个 Token</translation>
    </message>
    <message>
        <source>send everything as one job of the service&apos;s Batch API (half price, done within 24 h; needs --output) instead of asking now</source>
        <translation>不立即询问，而是将全部内容作为服务 Batch API 的一个任务发送（半价，24 小时内完成；需要 --output）</translation>
    </message>
    <message>
        <source>the service&apos;s Batch API jobs (batch --via-batch-api): list, status, cancel, results</source>
        <translation>服务的 Batch API 任务（batch --via-batch-api）：list、status、cancel、results</translation>
    </message>
    <message>
        <source>Jobs the Batch API runs for this key, asked of the service: they can be followed and fetched from any machine with the key. The key, configuration and endpoint are found as for ask.</source>
        <translation>向服务查询 Batch API 为此 API Key 运行的任务：在任何有该 API Key 的机器上都可以跟踪并获取结果。API Key、配置和接入地址的确定方式与 ask 相同。</translation>
    </message>
    <message>
        <source>the newest jobs: id, status, progress, model</source>
        <translation>最新的任务：ID、状态、进度、模型</translation>
    </message>
    <message>
        <source>most jobs shown</source>
        <translation>最多显示的任务数</translation>
    </message>
    <message>
        <source>one job&apos;s state and progress</source>
        <translation>单个任务的状态和进度</translation>
    </message>
    <message>
        <source>stop a job; requests already answered are kept</source>
        <translation>停止任务；已回答的请求会保留</translation>
    </message>
    <message>
        <source>write a finished job&apos;s rows, in the same format as batch</source>
        <translation>以与 batch 相同的格式写出已完成任务的结果行</translation>
    </message>
    <message>
        <source>results.jsonl or results.csv, appended to (default: ID.jsonl)</source>
        <translation>追加到 results.jsonl 或 results.csv（默认：ID.jsonl）</translation>
    </message>
    <message>
        <source>wait for the job to finish first</source>
        <translation>先等待任务完成</translation>
    </message>
    <message>
        <source>the job&apos;s id (batch_…)</source>
        <translation>任务 ID（batch_…）</translation>
    </message>
    <message>
        <source>the catalog for a region, one model a line with its flags</source>
        <translation>某地域的模型目录，每行一个模型及其标志</translation>
    </message>
    <message>
        <source>The models a region offers, as the built-in catalog lists them: name, family and flags (what each flag means is printed below the list).</source>
        <translation>内置目录列出的某地域提供的模型：名称、系列和标志（各标志的含义显示在列表下方）。</translation>
    </message>
    <message>
        <source>the region to list, or %1 for every model</source>
        <translation>要列出的地域，或用 %1 列出全部模型</translation>
    </message>
    <message>
        <source>the configured region</source>
        <translation>已配置的地域</translation>
    </message>
    <message>
        <source>the region of the key</source>
        <translation>API Key 所属的地域</translation>
    </message>
    <message>
        <source>the configured one</source>
        <translation>已配置的地域</translation>
    </message>
    <message>
        <source>a custom endpoint instead of a region</source>
        <translation>使用自定义接入地址代替地域</translation>
    </message>
    <message>
        <source>store, delete, list and check API keys (OS keyring)</source>
        <translation>保存、删除、列出和检查 API Key（系统密钥环）</translation>
    </message>
    <message>
        <source>API keys live in the OS keyring, one entry per region and per custom endpoint (service %1, user &apos;region:&lt;id&gt;&apos; or &apos;endpoint:&lt;url&gt;&apos;). DASHSCOPE_API_KEY_&lt;REGION&gt; and DASHSCOPE_API_KEY in the environment take precedence.</source>
        <translation>API Key 保存在系统密钥环中，每个地域和每个自定义接入地址各一条（服务 %1，用户 &apos;region:&lt;id&gt;&apos; 或 &apos;endpoint:&lt;url&gt;&apos;）。环境变量 DASHSCOPE_API_KEY_&lt;REGION&gt; 和 DASHSCOPE_API_KEY 优先。</translation>
    </message>
    <message>
        <source>store a key: read from stdin when piped, else prompted without echo</source>
        <translation>保存 API Key：通过管道传入时从标准输入读取，否则以不回显的方式提示输入</translation>
    </message>
    <message>
        <source>delete the stored key</source>
        <translation>删除已保存的 API Key</translation>
    </message>
    <message>
        <source>each region: stored or not, and the key in use</source>
        <translation>每个地域：是否已保存，以及正在使用的 API Key</translation>
    </message>
    <message>
        <source>also list this custom endpoint</source>
        <translation>同时列出此自定义接入地址</translation>
    </message>
    <message>
        <source>machine-readable output</source>
        <translation>机器可读的输出</translation>
    </message>
    <message>
        <source>check the key with GET {base}/models: valid, invalid or region mismatch</source>
        <translation>通过 GET {base}/models 检查 API Key：有效、无效或地域不匹配</translation>
    </message>
    <message>
        <source>when rejected, try the key at the other regions&apos; endpoints (sends it to them)</source>
        <translation>被拒绝时，在其他地域的接入地址上尝试该 API Key（会将其发送给它们）</translation>
    </message>
    <message>
        <source>show the effective settings, or the configuration files consulted</source>
        <translation>显示生效的设置，或所读取的配置文件</translation>
    </message>
    <message>
        <source>Settings come from TOML files in layers: built-in defaults &lt; system file &lt; user file &lt; environment (QWENVL_DESKTOP_&lt;NAME&gt;) &lt; command line. %1 names a file that takes the user file&apos;s place.</source>
        <translation>设置按层级来自 TOML 文件：内置默认值 &lt; 系统文件 &lt; 用户文件 &lt; 环境变量（QWENVL_DESKTOP_&lt;NAME&gt;）&lt; 命令行。%1 可指定一个文件来代替用户文件。</translation>
    </message>
    <message>
        <source>the effective settings and the layer of each</source>
        <translation>生效的设置及每项所在的层级</translation>
    </message>
    <message>
        <source>as a command-line flag would</source>
        <translation>与命令行标志的作用相同</translation>
    </message>
    <message>
        <source>from configuration</source>
        <translation>取自配置</translation>
    </message>
    <message>
        <source>any setting, as a command-line flag (repeatable)</source>
        <translation>任意设置，作为命令行标志（可重复）</translation>
    </message>
    <message>
        <source>the configuration files consulted, lowest first</source>
        <translation>所读取的配置文件，从低层级开始</translation>
    </message>
</context>
<context>
    <name>CliVideo</name>
    <message>
        <source>note: %1: %2</source>
        <translation>注意：%1：%2</translation>
    </message>
    <message>
        <source>%1 does not take video; choose a model that does (e.g. qwen3-vl-plus).</source>
        <translation>%1 不支持视频；请选择支持视频的模型（例如 qwen3-vl-plus）。</translation>
    </message>
    <message>
        <source>note: %1 is not known to take video; sending the frames anyway.</source>
        <translation>注意：不确定 %1 是否支持视频；仍将发送这些帧。</translation>
    </message>
    <message>
        <source>frames of %1: %2/%3</source>
        <translation>%1 的帧：%2/%3</translation>
    </message>
</context>
<context>
    <name>ClipboardReading</name>
    <message>
        <source>%1 is not an image file.</source>
        <translation>%1 不是图片文件。</translation>
    </message>
    <message>
        <source>%1: only image files and http(s) image links can be used.</source>
        <translation>%1：只能使用图片文件和 http(s) 图片链接。</translation>
    </message>
    <message>
        <source>That was text, not an image or a link to one.</source>
        <translation>这是文本，不是图片或图片链接。</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Nothing in that was an image (it carried %1).</source>
        <translation>其中没有图片（包含的格式：%1）。</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <source>code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Copy this code block</source>
        <translation>复制此代码块</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>note: %1</source>
        <translation>注意：%1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>无法写入 %1：%2。</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
</context>
<context>
    <name>ConversationWords</name>
    <message>
        <source>pending</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>streaming</source>
        <translation>接收中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>■ Stopped — the answer above is incomplete.</source>
        <translation>■ 已停止 — 以上回答不完整。</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>不完整</translation>
    </message>
    <message>
        <source>⚠ Incomplete — the app closed while this answer was arriving.</source>
        <translation>⚠ 不完整 — 接收此回答时应用已关闭。</translation>
    </message>
    <message>
        <source>Waiting for the answer…</source>
        <translation>正在等待回答…</translation>
    </message>
    <message>
        <source>An answer is still streaming: press Esc to stop it first.</source>
        <translation>仍在接收回答：请先按 Esc 停止。</translation>
    </message>
    <message>
        <source>Rate limited</source>
        <translation>已触发限流</translation>
    </message>
    <message>
        <source>Token quota used up for this minute</source>
        <translation>本分钟的 Token 配额已用完</translation>
    </message>
    <message>
        <source>The service had a problem</source>
        <translation>服务出现问题</translation>
    </message>
    <message>
        <source>No answer in time</source>
        <translation>未在规定时间内收到回答</translation>
    </message>
    <message>
        <source>%1 — retrying in %2 s (attempt %3 of %4)</source>
        <translation>%1 — %2 秒后重试（第 %3 次，共 %4 次）</translation>
    </message>
    <message>
        <source>%1 — retrying now (attempt %3 of %4)</source>
        <translation>%1 — 正在重试（第 %3 次，共 %4 次）</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <source>Streaming…</source>
        <translation>正在接收…</translation>
    </message>
    <message>
        <source>%1 · first token %2 s</source>
        <translation>%1 · 首个 Token 用时 %2 秒</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTP 状态码</translation>
    </message>
    <message>
        <source>code</source>
        <translation>错误码</translation>
    </message>
    <message>
        <source>request id</source>
        <translation>请求 ID</translation>
    </message>
    <message>
        <source>service message</source>
        <translation>服务返回的消息</translation>
    </message>
    <message>
        <source>prompt %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <source>completion %1</source>
        <translation>输出 %1</translation>
    </message>
    <message>
        <source>reasoning %1</source>
        <translation>推理 %1</translation>
    </message>
    <message>
        <source>image %1</source>
        <translation>图片 %1</translation>
    </message>
    <message>
        <source>images ≈%1 (estimate)</source>
        <translation>图片 约 %1（估算）</translation>
    </message>
    <message>
        <source>Tokens: %1</source>
        <translation>Token：%1</translation>
    </message>
    <message>
        <source>Tokens: not reported</source>
        <translation>Token：未报告</translation>
    </message>
    <message>
        <source>%1  ·  first token %2 s</source>
        <translation>%1  ·  首个 Token 用时 %2 秒</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Qwen-VL Desktop — something went wrong</source>
        <translation>Qwen-VL Desktop — 出现问题</translation>
    </message>
    <message>
        <source>The app keeps running, but what you just did may not have finished. If it happens again, please report it with the details below (they contain no API key).</source>
        <translation>应用仍在运行，但刚才的操作可能没有完成。如果再次发生，请附上下方的详细信息进行报告（其中不含 API Key）。</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>An unexpected error occurred: %1</source>
        <translation>发生意外错误：%1</translation>
    </message>
    <message>
        <source>%1 unexpected errors occurred; the latest: %2</source>
        <translation>发生了 %1 个意外错误；最近一个：%2</translation>
    </message>
</context>
<context>
    <name>DisplayProbe</name>
    <message>
        <source>the X display %1 named by DISPLAY cannot be reached (%2); start the app from a desktop session, under `xvfb-run -a`, or with QT_QPA_PLATFORM=offscreen to run it without a visible window.</source>
        <translation>无法连接 DISPLAY 指定的 X 显示 %1（%2）；请在桌面会话中启动应用，或使用 `xvfb-run -a` 启动；如需在无可见窗口的情况下运行，请设置 QT_QPA_PLATFORM=offscreen。</translation>
    </message>
    <message>
        <source>the X server refused the connection: check that XAUTHORITY names its cookie</source>
        <translation>X 服务器拒绝了连接：请检查 XAUTHORITY 是否指向其 Cookie</translation>
    </message>
    <message>
        <source>no X server listens at %1: %2</source>
        <translation>没有 X 服务器在 %1 监听：%2</translation>
    </message>
    <message>
        <source>no X server answers at %1 port %2: %3</source>
        <translation>%1 的端口 %2 上没有 X 服务器响应：%3</translation>
    </message>
    <message>
        <source>unknown host</source>
        <translation>未知主机</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无响应</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <source>Text copied</source>
        <translation>已复制文字</translation>
    </message>
    <message>
        <source>CSV copied</source>
        <translation>已复制 CSV</translation>
    </message>
    <message>
        <source>LaTeX copied</source>
        <translation>已复制 LaTeX</translation>
    </message>
    <message>
        <source>Reading the text of the capture…</source>
        <translation>正在读取截图中的文字…</translation>
    </message>
    <message>
        <source>%1: the image could not be used (%2).</source>
        <translation>%1：无法使用该图片（%2）。</translation>
    </message>
    <message>
        <source>%1 could not be asked now.</source>
        <translation>当前无法执行“%1”。</translation>
    </message>
    <message>
        <source>no text was read.</source>
        <translation>未读取到文字。</translation>
    </message>
    <message>
        <source>Extract text did not work: %1</source>
        <translation>提取文字失败：%1</translation>
    </message>
    <message>
        <source>Text copied (%1 characters): %2</source>
        <translation>已复制文字（%1 个字符）：%2</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>All files (%1)</source>
        <translation>所有文件 (%1)</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
<context>
    <name>DocumentResult</name>
    <message>
        <source>Copy text</source>
        <translation>复制文本</translation>
    </message>
    <message>
        <source>Copy CSV (%1 tables)</source>
        <translation>复制 CSV（%1 个表格）</translation>
    </message>
    <message>
        <source>Copy CSV</source>
        <translation>复制 CSV</translation>
    </message>
    <message>
        <source>Save .csv…</source>
        <translation>保存 .csv…</translation>
    </message>
    <message>
        <source>Copy LaTeX</source>
        <translation>复制 LaTeX</translation>
    </message>
    <message>
        <source>Save Markdown…</source>
        <translation>保存 Markdown…</translation>
    </message>
    <message>
        <source>Show boxes on the page</source>
        <translation>在页面上显示框</translation>
    </message>
    <message>
        <source>Save HTML…</source>
        <translation>保存 HTML…</translation>
    </message>
    <message>
        <source>the answer has no table to write as CSV</source>
        <translation>回答中没有可写为 CSV 的表格</translation>
    </message>
</context>
<context>
    <name>DraftAttachments</name>
    <message>
        <source>dropped image</source>
        <translation>拖放的图片</translation>
    </message>
    <message>
        <source>pasted image</source>
        <translation>粘贴的图片</translation>
    </message>
    <message>
        <source>data URI</source>
        <translation>数据 URI</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The service could not run the batch.</source>
        <translation>服务无法运行此批处理。</translation>
    </message>
    <message>
        <source>No batch job %1 at this endpoint for this key: check the id (`jobs list`), the region and the key (a job is seen only by its own region&apos;s keys).</source>
        <translation>此接入地址下没有此 API Key 可见的批处理任务 %1：请检查任务 ID（`jobs list`）、地域和 API Key（任务只对其所在地域的 API Key 可见）。</translation>
    </message>
    <message>
        <source>%1 answers only as a stream, and a batch is answered whole; drop --via-batch-api or choose another model.</source>
        <translation>%1 只能以流式方式回答，而批处理需要一次性返回完整回答；请去掉 --via-batch-api，或选择其他模型。</translation>
    </message>
    <message>
        <source>%1 inputs are more than one batch takes (%2 requests for %3); split them into several runs.</source>
        <translation>%1 个输入超出了单个批处理可接受的数量（%3 最多 %2 个请求）；请拆分为多次运行。</translation>
    </message>
    <message>
        <source>The batch file would be over the service&apos;s %1 limit at %2; split the inputs into several runs (or choose --detail standard).</source>
        <translation>批处理文件在 %2 时会超过服务的 %1 上限；请把输入拆分为多次运行（或选择 --detail standard）。</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未给出原因</translation>
    </message>
    <message>
        <source>The service could not run batch %1: %2</source>
        <translation>服务无法运行批处理 %1：%2</translation>
    </message>
    <message>
        <source>No images found in %1.</source>
        <translation>在 %1 中未找到图片。</translation>
    </message>
    <message>
        <source>%1: no such file or folder.</source>
        <translation>%1：没有这个文件或文件夹。</translation>
    </message>
    <message>
        <source>Cannot read the list %1: %2.</source>
        <translation>无法读取列表 %1：%2。</translation>
    </message>
    <message>
        <source>%1, row %2: the path is empty.</source>
        <translation>%1 第 %2 行：路径为空。</translation>
    </message>
    <message>
        <source>The list %1 has no &apos;path&apos; column (its first row names them).</source>
        <translation>列表 %1 中没有 &apos;path&apos; 列（第一行为列名）。</translation>
    </message>
    <message>
        <source>The list %1, line %2, is not JSON.</source>
        <translation>列表 %1 第 %2 行不是 JSON。</translation>
    </message>
    <message>
        <source>The list %1, line %2, has no &apos;path&apos; field.</source>
        <translation>列表 %1 第 %2 行没有 &apos;path&apos; 字段。</translation>
    </message>
    <message>
        <source>Cannot write the results to %1: %2.</source>
        <translation>无法将结果写入 %1：%2。</translation>
    </message>
    <message>
        <source>Cannot read the results file %1: %2.</source>
        <translation>无法读取结果文件 %1：%2。</translation>
    </message>
    <message>
        <source>%1, line %2, is not a result row; choose another --output file.</source>
        <translation>%1 第 %2 行不是结果行；请为 --output 另选一个文件。</translation>
    </message>
    <message>
        <source>%1, line %2, is not a result row.</source>
        <translation>%1 第 %2 行不是结果行。</translation>
    </message>
    <message>
        <source>%1 is not a results file; choose another --output file.</source>
        <translation>%1 不是结果文件；请为 --output 另选一个文件。</translation>
    </message>
    <message>
        <source>history is off for this session: its folder %1 cannot be created</source>
        <translation>本次会话已关闭历史记录：无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>history is off for this session: a new history file cannot be created</source>
        <translation>本次会话已关闭历史记录：无法创建新的历史记录文件</translation>
    </message>
    <message>
        <source>history is off for this session: the history file is damaged and could not be moved aside</source>
        <translation>本次会话已关闭历史记录：历史记录文件已损坏，且无法将其移到一旁</translation>
    </message>
    <message>
        <source>history is off for this session: the history file was written by a newer version of Qwen-VL Desktop and is left as it is</source>
        <translation>本次会话已关闭历史记录：历史记录文件由更新版本的 Qwen-VL Desktop 写入，已保持原样</translation>
    </message>
    <message>
        <source>history is off for this session: the history file cannot be created</source>
        <translation>本次会话已关闭历史记录：无法创建历史记录文件</translation>
    </message>
    <message>
        <source>this conversation is no longer in the history</source>
        <translation>此对话已不在历史记录中</translation>
    </message>
    <message>
        <source>the database reported an error</source>
        <translation>数据库报告了错误</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the history file is in use by another program</source>
        <translation>历史记录文件正被其他程序使用</translation>
    </message>
    <message>
        <source>the history file is read-only</source>
        <translation>历史记录文件为只读</translation>
    </message>
    <message>
        <source>the history file is damaged</source>
        <translation>历史记录文件已损坏</translation>
    </message>
    <message>
        <source>the disk reported an error</source>
        <translation>磁盘报告了错误</translation>
    </message>
    <message>
        <source>the history file cannot be opened</source>
        <translation>无法打开历史记录文件</translation>
    </message>
    <message>
        <source>the computer ran out of memory</source>
        <translation>计算机内存不足</translation>
    </message>
    <message>
        <source>history could not be saved: %1; your conversation stays open</source>
        <translation>无法保存历史记录：%1；对话仍保持打开</translation>
    </message>
    <message>
        <source>the conversation could not be read from the history: %1</source>
        <translation>无法从历史记录中读取对话：%1</translation>
    </message>
    <message>
        <source>history is off for this session: %1</source>
        <translation>本次会话已关闭历史记录：%1</translation>
    </message>
    <message>
        <source>%1 cannot be made small enough for %2 bytes.</source>
        <translation>无法将“%1”缩小到 %2 字节以内。</translation>
    </message>
    <message>
        <source>%1 is empty (0 bytes).</source>
        <translation>“%1”是空的（0 字节）。</translation>
    </message>
    <message>
        <source>%1 is damaged: its image header cannot be read.</source>
        <translation>“%1”已损坏：无法读取其图像头。</translation>
    </message>
    <message>
        <source>%1 claims %2 megapixels, more than the %3-megapixel safety limit for one image (Pillow&apos;s decompression-bomb limit), so it is not decoded. Reduce it in an image editor first.</source>
        <translation>“%1”声明有 %2 百万像素，超过单张图像 %3 百万像素的安全上限（Pillow 的解压炸弹限制），因此不予解码。请先用图像编辑软件将其缩小。</translation>
    </message>
    <message>
        <source>%1 claims more pixels than the safety limit for one image (Pillow&apos;s decompression-bomb limit), so it is not decoded. Reduce it in an image editor first.</source>
        <translation>“%1”声明的像素数超过单张图像的安全上限（Pillow 的解压炸弹限制），因此不予解码。请先用图像编辑软件将其缩小。</translation>
    </message>
    <message>
        <source>%1 is a HEIC/HEIF image, and the HEIC decoder is not installed. Install it with: %2</source>
        <translation>“%1”是 HEIC/HEIF 图像，但未安装 HEIC 解码器。请用以下命令安装：%2</translation>
    </message>
    <message>
        <source>%1 is a damaged HEIC/HEIF image.</source>
        <translation>“%1”是已损坏的 HEIC/HEIF 图像。</translation>
    </message>
    <message>
        <source>%1 is an AVIF image, and this Pillow has no AVIF decoder.</source>
        <translation>“%1”是 AVIF 图像，而当前的 Pillow 没有 AVIF 解码器。</translation>
    </message>
    <message>
        <source>%1 is a damaged AVIF image.</source>
        <translation>“%1”是已损坏的 AVIF 图像。</translation>
    </message>
    <message>
        <source>%1 is a video (MP4/QuickTime), not an image.</source>
        <translation>“%1”是视频（MP4/QuickTime），不是图像。</translation>
    </message>
    <message>
        <source>%1 is a PostScript/EPS file, which is not read here; export it as PNG first.</source>
        <translation>“%1”是 PostScript/EPS 文件，此处无法读取；请先导出为 PNG。</translation>
    </message>
    <message>
        <source>%1 is a PDF document, not an image; export the page as PNG or JPEG first.</source>
        <translation>“%1”是 PDF 文档而非图像；请先将页面导出为 PNG 或 JPEG。</translation>
    </message>
    <message>
        <source>%1 is an SVG drawing; vector images cannot be sent — export it as PNG first.</source>
        <translation>“%1”是 SVG 矢量图；矢量图像无法发送，请先导出为 PNG。</translation>
    </message>
    <message>
        <source>%1 is a damaged image: its header is invalid.</source>
        <translation>“%1”是已损坏的图像：其文件头无效。</translation>
    </message>
    <message>
        <source>%1 contains text, not image data despite its %2 name.</source>
        <translation>“%1”虽以 %2 命名，但其中是文本而非图像数据。</translation>
    </message>
    <message>
        <source>%1 contains text, not image data.</source>
        <translation>“%1”中是文本而非图像数据。</translation>
    </message>
    <message>
        <source>%1 is not in an image format this app can read despite its %2 name.</source>
        <translation>“%1”虽以 %2 命名，但不是本应用能读取的图像格式。</translation>
    </message>
    <message>
        <source>%1 is not in an image format this app can read.</source>
        <translation>“%1”不是本应用能读取的图像格式。</translation>
    </message>
    <message>
        <source>%1 has no pixels (%2×%3).</source>
        <translation>“%1”没有像素（%2×%3）。</translation>
    </message>
    <message>
        <source>%1 is %2×%3 px: its aspect ratio of %4:1 is beyond the %5:1 the service accepts. Crop it into shorter pieces.</source>
        <translation>“%1”为 %2×%3 px，其宽高比 %4:1 超出服务可接受的 %5:1。请将其裁剪成较短的几段。</translation>
    </message>
    <message>
        <source>%1 (%2×%3 px) is too large to decode with the memory available.</source>
        <translation>“%1”（%2×%3 px）太大，可用内存不足以解码。</translation>
    </message>
    <message>
        <source>%1 is truncated or damaged: its image data cannot be decoded (%2).</source>
        <translation>“%1”不完整或已损坏：无法解码其图像数据（%2）。</translation>
    </message>
    <message>
        <source>%1 is damaged: its image data cannot be decoded.</source>
        <translation>“%1”已损坏：无法解码其图像数据。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>无法读取“%1”：%2。</translation>
    </message>
    <message>
        <source>%1 uses the colour mode %2, which cannot be converted to RGB.</source>
        <translation>“%1”使用的颜色模式 %2 无法转换为 RGB。</translation>
    </message>
    <message>
        <source>This image cannot be used.</source>
        <translation>无法使用此图像。</translation>
    </message>
    <message>
        <source>The image source cannot be read.</source>
        <translation>无法读取图像来源。</translation>
    </message>
    <message>
        <source>The image file does not exist.</source>
        <translation>图像文件不存在。</translation>
    </message>
    <message>
        <source>The image is a symbolic link to a file that does not exist.</source>
        <translation>该图像是指向不存在文件的符号链接。</translation>
    </message>
    <message>
        <source>The path is not a regular file.</source>
        <translation>该路径不是普通文件。</translation>
    </message>
    <message>
        <source>The image file cannot be read.</source>
        <translation>无法读取图像文件。</translation>
    </message>
    <message>
        <source>The path cannot be used.</source>
        <translation>无法使用此路径。</translation>
    </message>
    <message>
        <source>Only local files and http(s) links can be attached.</source>
        <translation>只能附加本地文件和 http(s) 链接。</translation>
    </message>
    <message>
        <source>The image is empty.</source>
        <translation>图像为空。</translation>
    </message>
    <message>
        <source>This is not an image.</source>
        <translation>这不是图像。</translation>
    </message>
    <message>
        <source>This image format cannot be read here.</source>
        <translation>此处无法读取这种图像格式。</translation>
    </message>
    <message>
        <source>The image data is damaged or incomplete.</source>
        <translation>图像数据已损坏或不完整。</translation>
    </message>
    <message>
        <source>The image is too large to process.</source>
        <translation>图像太大，无法处理。</translation>
    </message>
    <message>
        <source>The image is too long and thin: the service accepts at most 200:1.</source>
        <translation>图像过于细长：服务最多接受 200:1 的宽高比。</translation>
    </message>
    <message>
        <source>%1 is not a usable link: it names no host.</source>
        <translation>“%1”不是可用的链接：未指定主机。</translation>
    </message>
    <message>
        <source>%1 is a file on another computer (%2); only local files can be attached.</source>
        <translation>“%1”是另一台计算机（%2）上的文件；只能附加本地文件。</translation>
    </message>
    <message>
        <source>%1:// links cannot be attached; use an http(s) link or a local file.</source>
        <translation>无法附加 %1:// 链接；请使用 http(s) 链接或本地文件。</translation>
    </message>
    <message>
        <source>%1 is not a well-formed data URI.</source>
        <translation>“%1”不是格式正确的 Data URI。</translation>
    </message>
    <message>
        <source>%1 is a data URI without base64 image data; only base64 images can be read.</source>
        <translation>“%1”是不含 base64 图像数据的 Data URI；只能读取 base64 图像。</translation>
    </message>
    <message>
        <source>%1 is a data URI whose base64 data is damaged.</source>
        <translation>“%1”是 Data URI，但其 base64 数据已损坏。</translation>
    </message>
    <message>
        <source>No file name was given.</source>
        <translation>未提供文件名。</translation>
    </message>
    <message>
        <source>%1 is a folder, not an image file.</source>
        <translation>“%1”是文件夹，不是图像文件。</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a device, pipe or socket); only image files can be attached.</source>
        <translation>“%1”不是普通文件（而是设备、管道或套接字）；只能附加图像文件。</translation>
    </message>
    <message>
        <source>%1 is a symbolic link to %2, which does not exist.</source>
        <translation>“%1”是指向 %2 的符号链接，但该目标不存在。</translation>
    </message>
    <message>
        <source>%1: no such file.</source>
        <translation>“%1”：没有这个文件。</translation>
    </message>
    <message>
        <source>%1: no such file (a part of the path is a file, not a folder).</source>
        <translation>“%1”：没有这个文件（路径中的某一部分是文件而非文件夹）。</translation>
    </message>
    <message>
        <source>%1 cannot be read: permission denied.</source>
        <translation>无法读取“%1”：权限不足。</translation>
    </message>
    <message>
        <source>%1 contains characters this system cannot use in a file name.</source>
        <translation>“%1”包含本系统无法用于文件名的字符。</translation>
    </message>
    <message>
        <source>%1 contains a NUL character.</source>
        <translation>“%1”包含 NUL 字符。</translation>
    </message>
    <message>
        <source>%1: the path is too long for this system (%2 bytes; its longest name has %3, where most systems allow 255).</source>
        <translation>“%1”：路径对本系统来说太长（%2 字节；其中最长的名称有 %3 字节，而多数系统最多允许 255）。</translation>
    </message>
    <message>
        <source>%1 is a loop of symbolic links.</source>
        <translation>“%1”是循环的符号链接。</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2.</source>
        <translation>无法打开“%1”：%2。</translation>
    </message>
    <message>
        <source>The API key could not be stored or read.</source>
        <translation>无法存储或读取 API Key。</translation>
    </message>
    <message>
        <source>No OS keyring is available, so the key cannot be saved. It is never written to a file instead: set the DASHSCOPE_API_KEY environment variable, or enter the key for this session only (kept in memory, forgotten when the app quits).</source>
        <translation>没有可用的系统密钥环，因此无法保存 API Key。本应用不会改为写入文件：请设置环境变量 DASHSCOPE_API_KEY，或输入仅用于本次会话的 API Key（只保存在内存中，退出应用后即被清除）。</translation>
    </message>
    <message>
        <source>The OS keyring refused the operation (is it locked?).</source>
        <translation>系统密钥环拒绝了此操作（是否已锁定？）。</translation>
    </message>
    <message>
        <source>That is not an API key: it must be one line without spaces.</source>
        <translation>这不是 API Key：它必须是不含空格的一行文本。</translation>
    </message>
    <message>
        <source>The OS keyring is locked, so the key could not be read. Unlock it and try again.</source>
        <translation>系统密钥环已锁定，无法读取 API Key。请解锁后重试。</translation>
    </message>
    <message>
        <source>The OS keyring is locked, so the key could not be stored. Unlock it and try again.</source>
        <translation>系统密钥环已锁定，无法存储 API Key。请解锁后重试。</translation>
    </message>
    <message>
        <source>The OS keyring is locked, so the key could not be deleted. Unlock it and try again.</source>
        <translation>系统密钥环已锁定，无法删除 API Key。请解锁后重试。</translation>
    </message>
    <message>
        <source>The OS keyring failed, so the key could not be read: %1</source>
        <translation>系统密钥环出错，无法读取 API Key：%1</translation>
    </message>
    <message>
        <source>The OS keyring failed, so the key could not be stored: %1</source>
        <translation>系统密钥环出错，无法存储 API Key：%1</translation>
    </message>
    <message>
        <source>The OS keyring failed, so the key could not be deleted: %1</source>
        <translation>系统密钥环出错，无法删除 API Key：%1</translation>
    </message>
    <message>
        <source>No key was given (the input was empty).</source>
        <translation>未提供 API Key（输入为空）。</translation>
    </message>
    <message>
        <source>Could not reach the service. Check the network connection or proxy settings.</source>
        <translation>无法连接到服务。请检查网络连接或代理设置。</translation>
    </message>
    <message>
        <source>The service did not answer in time.</source>
        <translation>服务未能及时响应。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate could not be verified. If your organisation inspects TLS traffic, set ca_bundle to its CA certificate file (or &quot;system&quot; for the OS trust store).</source>
        <translation>无法验证服务器的证书。如果您所在的组织会检查 TLS 流量，请将 ca_bundle 设置为其 CA 证书文件（或设为 &quot;system&quot; 以使用系统的信任存储）。</translation>
    </message>
    <message>
        <source>The proxy rejected its credentials (407 Proxy Authentication Required). Check the user name and password in the proxy setting (or HTTPS_PROXY).</source>
        <translation>代理拒绝了凭据（407 Proxy Authentication Required）。请检查代理设置（或 HTTPS_PROXY）中的用户名和密码。</translation>
    </message>
    <message>
        <source>The connection closed before the answer was complete; what arrived is kept.</source>
        <translation>回答完成前连接已断开；已收到的内容会保留。</translation>
    </message>
    <message>
        <source>The server sent a reply this app cannot read (not the expected protocol).</source>
        <translation>服务器返回了本应用无法读取的响应（不是预期的协议）。</translation>
    </message>
    <message>
        <source>The endpoint redirected to another host; the question was not sent there.</source>
        <translation>接入地址重定向到了另一台主机；问题没有发送到那里。</translation>
    </message>
    <message>
        <source>Interrupted; the answer so far is kept.</source>
        <translation>已中断；目前为止的回答会保留。</translation>
    </message>
    <message>
        <source>No API key is set for this region.</source>
        <translation>尚未为此地域设置 API Key。</translation>
    </message>
    <message>
        <source>The service reported an error.</source>
        <translation>服务返回了错误。</translation>
    </message>
    <message>
        <source>The API key was rejected. Keys are bound to their region: a Beijing key does not work in Singapore, Virginia or Hong Kong and the other way round — check the region too.</source>
        <translation>API Key 被拒绝。API Key 与地域绑定：北京的 API Key 无法在新加坡、弗吉尼亚或香港使用，反之亦然——请同时检查地域。</translation>
    </message>
    <message>
        <source>The endpoint rejected the API key: check the key set for this endpoint (Set key…).</source>
        <translation>接入地址拒绝了此 API Key：请检查为该接入地址设置的 API Key（“设置 API Key…”）。</translation>
    </message>
    <message>
        <source>This key is not allowed to use this model or feature.</source>
        <translation>此 API Key 无权使用该模型或功能。</translation>
    </message>
    <message>
        <source>The Model Studio account is overdue; top it up in the console to continue.</source>
        <translation>百炼（Model Studio）账户已欠费；请在控制台充值后继续。</translation>
    </message>
    <message>
        <source>Too many requests for this model right now; wait a moment and try again.</source>
        <translation>当前对此模型的请求过多；请稍候再试。</translation>
    </message>
    <message>
        <source>The per-minute token quota for this model is used up; it frees up within a minute.</source>
        <translation>此模型每分钟的 Token 配额已用完；一分钟内即可恢复。</translation>
    </message>
    <message>
        <source>The service&apos;s content check blocked this request or its answer.</source>
        <translation>服务的内容审核拦截了此请求或其回答。</translation>
    </message>
    <message>
        <source>The service refused the request as invalid.</source>
        <translation>服务以请求无效为由拒绝了它。</translation>
    </message>
    <message>
        <source>The model was not found, or is not offered in this region.</source>
        <translation>未找到该模型，或该模型在此地域不提供。</translation>
    </message>
    <message>
        <source>The service had an internal problem; try again shortly.</source>
        <translation>服务内部出现问题；请稍后重试。</translation>
    </message>
    <message>
        <source>The configuration could not be changed.</source>
        <translation>无法更改配置。</translation>
    </message>
    <message>
        <source>This setting is locked by the system-wide configuration.</source>
        <translation>此设置已被系统级配置锁定。</translation>
    </message>
    <message>
        <source>This setting cannot take that value.</source>
        <translation>此设置不能取该值。</translation>
    </message>
    <message>
        <source>The configuration file could not be written.</source>
        <translation>无法写入配置文件。</translation>
    </message>
    <message>
        <source>%1: configuration files must not hold API keys; use `qwenvl-desktop key set`.</source>
        <translation>%1：配置文件中不得保存 API Key；请使用 `qwenvl-desktop key set`。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a setting (API keys go in the OS keyring).</source>
        <translation>%1 不是设置项（API Key 应保存在系统密钥环中）。</translation>
    </message>
    <message>
        <source>%1 is locked by the system-wide configuration.</source>
        <translation>%1 已被系统级配置锁定。</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not valid TOML (%2); fix or remove it before saving settings.</source>
        <translation>%1 不是有效的 TOML（%2）；请先修正或删除它，再保存设置。</translation>
    </message>
    <message>
        <source>This video cannot be used.</source>
        <translation>无法使用此视频。</translation>
    </message>
    <message>
        <source>The video source cannot be read.</source>
        <translation>无法读取视频来源。</translation>
    </message>
    <message>
        <source>The video file does not exist.</source>
        <translation>视频文件不存在。</translation>
    </message>
    <message>
        <source>The video file cannot be read.</source>
        <translation>无法读取视频文件。</translation>
    </message>
    <message>
        <source>This is not a video.</source>
        <translation>这不是视频。</translation>
    </message>
    <message>
        <source>The video file is damaged or incomplete.</source>
        <translation>视频文件已损坏或不完整。</translation>
    </message>
    <message>
        <source>The file has no video in it.</source>
        <translation>该文件中没有视频画面。</translation>
    </message>
    <message>
        <source>The video is in a format this app cannot decode.</source>
        <translation>该视频的格式本应用无法解码。</translation>
    </message>
    <message>
        <source>The video is too short: at least 4 frames are needed.</source>
        <translation>视频太短：至少需要 4 帧。</translation>
    </message>
    <message>
        <source>The video cannot be made small enough for the service&apos;s 10 MB limit.</source>
        <translation>无法将视频缩小到服务 10 MB 的上限以内。</translation>
    </message>
    <message>
        <source>Reading the video took too long (over 2 minutes).</source>
        <translation>读取视频耗时过长（超过 2 分钟）。</translation>
    </message>
    <message>
        <source>Frame extraction was cancelled.</source>
        <translation>已取消帧提取。</translation>
    </message>
    <message>
        <source>%1 cannot be made small enough for the service&apos;s %2 per video.</source>
        <translation>无法将“%1”缩小到服务对单个视频 %2 的上限以内。</translation>
    </message>
    <message>
        <source>%1 is damaged: only %2 of its frames could be read.</source>
        <translation>“%1”已损坏：只能读取其中 %2 帧。</translation>
    </message>
    <message>
        <source>%1 is a damaged animation (frame %2).</source>
        <translation>“%1”是已损坏的动画（第 %2 帧）。</translation>
    </message>
    <message>
        <source>%1 uses a video format this app cannot decode.</source>
        <translation>“%1”使用了本应用无法解码的视频格式。</translation>
    </message>
    <message>
        <source>%1 is damaged: its frames cannot be decoded.</source>
        <translation>“%1”已损坏：无法解码其帧。</translation>
    </message>
    <message>
        <source>%1 has only %2 frames; at least %3 are needed.</source>
        <translation>“%1”只有 %2 帧；至少需要 %3 帧。</translation>
    </message>
    <message>
        <source>%1 lasts %2 s: too short for %3 frames at most %4 per second.</source>
        <translation>“%1”时长 %2 秒：按每秒最多 %4 帧，不足以取得 %3 帧。</translation>
    </message>
    <message>
        <source>pasted animation</source>
        <translation>粘贴的动画</translation>
    </message>
    <message>
        <source>The %1 is empty (0 bytes).</source>
        <translation>“%1”是空的（0 字节）。</translation>
    </message>
    <message>
        <source>The %1 could not be kept for reading: %2.</source>
        <translation>无法保存“%1”以供读取：%2。</translation>
    </message>
    <message>
        <source>%1:// links cannot be used; give an http(s) link or a local file.</source>
        <translation>无法使用 %1:// 链接；请提供 http(s) 链接或本地文件。</translation>
    </message>
    <message>
        <source>audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <source>subtitle</source>
        <translation>字幕</translation>
    </message>
    <message>
        <source>data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>%1 is a file on another computer; only local files can be used.</source>
        <translation>“%1”是另一台计算机上的文件；只能使用本地文件。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a video file.</source>
        <translation>“%1”是文件夹，不是视频文件。</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a device, pipe or socket).</source>
        <translation>“%1”不是普通文件（而是设备、管道或套接字）。</translation>
    </message>
    <message>
        <source>%1 is a symbolic link to a file that does not exist.</source>
        <translation>“%1”是指向不存在文件的符号链接。</translation>
    </message>
    <message>
        <source>%1 is an image too large to read.</source>
        <translation>“%1”是太大而无法读取的图像。</translation>
    </message>
    <message>
        <source>%1 is a still image (%2), not a video; attach it as an image.</source>
        <translation>“%1”是静态图像（%2），不是视频；请作为图像附加。</translation>
    </message>
    <message>
        <source>%1 is a damaged %2 animation.</source>
        <translation>“%1”是已损坏的 %2 动画。</translation>
    </message>
    <message>
        <source>%1 has only %2 frames; at least 4 are needed.</source>
        <translation>“%1”只有 %2 帧；至少需要 4 帧。</translation>
    </message>
    <message>
        <source>Reading %1 took over %2 seconds; it was given up.</source>
        <translation>读取“%1”超过了 %2 秒，已放弃。</translation>
    </message>
    <message>
        <source>%1 is damaged or incomplete: its container cannot be read.</source>
        <translation>“%1”已损坏或不完整：无法读取其容器。</translation>
    </message>
    <message>
        <source>%1 is not a video (no known video container).</source>
        <translation>“%1”不是视频（不是已知的视频容器格式）。</translation>
    </message>
    <message>
        <source>%1 cannot be read as a video.</source>
        <translation>无法将“%1”作为视频读取。</translation>
    </message>
    <message>
        <source>%1 is damaged: no streams can be read in it.</source>
        <translation>“%1”已损坏：无法读取其中任何数据流。</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 has no video in it (only %2).</source>
        <translation>“%1”中没有视频画面（只有%2）。</translation>
    </message>
    <message>
        <source>%1 has no video in it (only a still cover picture).</source>
        <translation>“%1”中没有视频画面（只有一张静态封面图）。</translation>
    </message>
    <message>
        <source>%1 uses a video format (%2) this app cannot decode.</source>
        <translation>“%1”使用了本应用无法解码的视频格式（%2）。</translation>
    </message>
    <message>
        <source>%1 is damaged: its video has no picture size.</source>
        <translation>“%1”已损坏：其视频没有画面尺寸。</translation>
    </message>
    <message>
        <source>%1 is damaged: its length cannot be read.</source>
        <translation>“%1”已损坏：无法读取其时长。</translation>
    </message>
    <message>
        <source>%1 has only 1 frame; at least 4 are needed.</source>
        <translation>“%1”只有 1 帧；至少需要 4 帧。</translation>
    </message>
</context>
<context>
    <name>ExternalToolHandler</name>
    <message>
        <source>%1 needs a display, and there is none.</source>
        <translation>%1 需要显示器，但当前没有。</translation>
    </message>
    <message>
        <source>%1 works only in a Wayland session.</source>
        <translation>%1 只能在 Wayland 会话中使用。</translation>
    </message>
    <message>
        <source>%1 is not installed.</source>
        <translation>未安装 %1。</translation>
    </message>
    <message>
        <source>%1 can take screenshots.</source>
        <translation>%1 可以截屏。</translation>
    </message>
    <message>
        <source>%1 could not take a screenshot: %2</source>
        <translation>%1 无法截屏：%2</translation>
    </message>
    <message>
        <source>%1 could not take a screenshot (exit status %2)</source>
        <translation>%1 无法截屏（退出状态 %2）</translation>
    </message>
    <message>
        <source>%1 wrote a file that is not a readable image.</source>
        <translation>%1 写入的文件不是可读取的图片。</translation>
    </message>
    <message>
        <source>Install grim (Debian/Ubuntu: sudo apt install grim; Fedora: sudo dnf install grim; Arch: sudo pacman -S grim). It works with wlroots compositors such as Sway and Hyprland.</source>
        <translation>请安装 grim（Debian/Ubuntu：sudo apt install grim；Fedora：sudo dnf install grim；Arch：sudo pacman -S grim）。它适用于 Sway、Hyprland 等基于 wlroots 的合成器。</translation>
    </message>
    <message>
        <source>Install gnome-screenshot (Debian/Ubuntu: sudo apt install gnome-screenshot; Fedora: sudo dnf install gnome-screenshot; Arch: sudo pacman -S gnome-screenshot).</source>
        <translation>请安装 gnome-screenshot（Debian/Ubuntu：sudo apt install gnome-screenshot；Fedora：sudo dnf install gnome-screenshot；Arch：sudo pacman -S gnome-screenshot）。</translation>
    </message>
    <message>
        <source>Install KDE&apos;s Spectacle (Debian/Ubuntu: sudo apt install kde-spectacle; Fedora: sudo dnf install spectacle; Arch: sudo pacman -S spectacle).</source>
        <translation>请安装 KDE 的 Spectacle（Debian/Ubuntu：sudo apt install kde-spectacle；Fedora：sudo dnf install spectacle；Arch：sudo pacman -S spectacle）。</translation>
    </message>
</context>
<context>
    <name>Filmstrip</name>
    <message>
        <source>%1: show this frame</source>
        <translation>%1：显示此帧</translation>
    </message>
    <message>
        <source>Video %1 — link, sampled by the service at %2 fps</source>
        <translation>视频 %1 — 链接（由服务按 %2 fps 采样）</translation>
    </message>
    <message>
        <source>Video %1 — %2 · %3 frames at %4 fps · ≈%5 tokens</source>
        <translation>视频 %1 — %2 · %3 帧（%4 fps）· 约 %5 Token</translation>
    </message>
</context>
<context>
    <name>FrameViewer</name>
    <message>
        <source>The frame before (Left)</source>
        <translation>上一帧（Left）</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <source>The frame after (Right)</source>
        <translation>下一帧（Right）</translation>
    </message>
    <message>
        <source>Frame %1 of %2 · %3 s into the clip</source>
        <translation>第 %1 帧，共 %2 帧 · 位于视频第 %3 秒</translation>
    </message>
    <message>
        <source>%1 · the frame sent nearest %2</source>
        <translation>%1 · 最接近 %2 的已发送帧</translation>
    </message>
    <message>
        <source>This frame cannot be shown.</source>
        <translation>无法显示此帧。</translation>
    </message>
</context>
<context>
    <name>Grounding</name>
    <message>
        <source>%1 is not known to answer with boxes; coordinates read as 0–1000 of the image.</source>
        <translation>未知 %1 是否会以边框作答；坐标已按图像的 0–1000 范围读取。</translation>
    </message>
    <message>
        <source>%1 is not known to answer with boxes; coordinates read as pixels the model saw.</source>
        <translation>未知 %1 是否会以边框作答；坐标已按模型所见图像的像素读取。</translation>
    </message>
    <message>
        <source>Coordinates of image %3 above 1000 were read as pixels of the image as the model saw it (%1×%2), not on the 0–1000 grid.</source>
        <translation>图像 %3 中大于 1000 的坐标已按模型所见图像（%1×%2）的像素读取，而非 0–1000 网格。</translation>
    </message>
    <message>
        <source>Coordinates above 1000 were read as pixels of the image as the model saw it (%1×%2), not on the 0–1000 grid.</source>
        <translation>大于 1000 的坐标已按模型所见图像（%1×%2）的像素读取，而非 0–1000 网格。</translation>
    </message>
</context>
<context>
    <name>HistoryGroups</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Earlier this month</source>
        <translation>本月早些时候</translation>
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
        <translation>上一个回答失败</translation>
    </message>
    <message>
        <source>The last answer was stopped before its end</source>
        <translation>上一个回答在结束前被停止</translation>
    </message>
    <message>
        <source>The last answer was cut off: the app ended while it arrived</source>
        <translation>上一个回答不完整：接收时应用已退出</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>History is off: nothing is saved. Turn it on in File ▸ Preferences ▸ General to keep conversations.</source>
        <translation>历史记录已关闭：不会保存任何内容。如需保留对话，请在“文件 ▸ 首选项 ▸ 常规”中开启。</translation>
    </message>
    <message>
        <source>The app ended while an answer was arriving: it is shown marked incomplete; Retry asks again.</source>
        <translation>应用在接收回答时退出：该回答已标记为未完成；点击“重试”可重新提问。</translation>
    </message>
    <message>
        <source>&amp;History sidebar</source>
        <translation>历史记录侧栏(&amp;H)</translation>
    </message>
    <message>
        <source>Searc&amp;h history</source>
        <translation>搜索历史记录(&amp;H)</translation>
    </message>
    <message>
        <source>Export as &amp;Markdown…</source>
        <translation>导出为 Markdown(&amp;M)…</translation>
    </message>
    <message>
        <source>Export as &amp;JSON…</source>
        <translation>导出为 JSON(&amp;J)…</translation>
    </message>
    <message>
        <source>Conversation history</source>
        <translation>对话历史记录</translation>
    </message>
    <message>
        <source>Conversation deleted: Undo in the sidebar brings it back.</source>
        <translation>对话已删除：可在侧栏中点击“撤销”恢复。</translation>
    </message>
    <message>
        <source>Nothing to export yet: ask a question first.</source>
        <translation>暂无可导出的内容：请先提问。</translation>
    </message>
    <message>
        <source>Export as Markdown: choose a folder</source>
        <translation>导出为 Markdown：选择文件夹</translation>
    </message>
    <message>
        <source>Export as JSON</source>
        <translation>导出为 JSON</translation>
    </message>
    <message>
        <source>JSON (%1)</source>
        <translation>JSON (%1)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
</context>
<context>
    <name>HistorySidebar</name>
    <message>
        <source>Yesterday %1</source>
        <translation>昨天 %1</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Stored conversations, newest first, and a search box</source>
        <translation>已保存的对话（最新的在前）和搜索框</translation>
    </message>
    <message>
        <source>Search the questions and answers of the history</source>
        <translation>搜索历史记录中的问题和回答</translation>
    </message>
    <message>
        <source>Search conversations</source>
        <translation>搜索对话</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>New conversation (Ctrl+N)</source>
        <translation>新建对话 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Conversations, newest first; Enter opens, F2 renames</source>
        <translation>对话（最新的在前）；Enter 打开，F2 重命名</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Bring the deleted conversation back</source>
        <translation>恢复已删除的对话</translation>
    </message>
    <message>
        <source>Hide (deleted conversations are erased when the window closes)</source>
        <translation>隐藏（关闭窗口时将彻底清除已删除的对话）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Opening the history…</source>
        <translation>正在打开历史记录…</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>无标题</translation>
    </message>
    <message>
        <source>1 question</source>
        <translation>1 个问题</translation>
    </message>
    <message>
        <source>%1 questions</source>
        <translation>%1 个问题</translation>
    </message>
    <message>
        <source>No conversations yet: the questions you ask are kept here.</source>
        <translation>还没有对话：你提出的问题会保存在这里。</translation>
    </message>
    <message>
        <source>Q: </source>
        <comment>a question in the search results</comment>
        <translation>问：</translation>
    </message>
    <message>
        <source>A: </source>
        <comment>an answer in the search results</comment>
        <translation>答：</translation>
    </message>
    <message>
        <source>Nothing in the history matches.</source>
        <translation>历史记录中没有匹配项。</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>重命名(&amp;R)</translation>
    </message>
    <message>
        <source>Export &amp;Markdown…</source>
        <translation>导出为 Markdown(&amp;M)…</translation>
    </message>
    <message>
        <source>Export &amp;JSON…</source>
        <translation>导出为 JSON(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Deleted “%1” and %2 more.</source>
        <translation>已删除“%1”及另外 %2 个对话。</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>已删除“%1”。</translation>
    </message>
</context>
<context>
    <name>HistorySync</name>
    <message>
        <source>A conversation needs a title: the old one is kept.</source>
        <translation>对话需要标题：已保留原标题。</translation>
    </message>
    <message>
        <source>The conversation could not be exported: %1</source>
        <translation>无法导出对话：%1</translation>
    </message>
    <message>
        <source>History: an unknown error occurred.</source>
        <translation>历史记录：发生未知错误。</translation>
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
        <translation>节省 %1</translation>
    </message>
    <message>
        <source>Auto</source>
        <comment>image detail</comment>
        <translation>自动</translation>
    </message>
    <message>
        <source>High — up to %1 tokens</source>
        <translation>高 — 最多 %1 个 Token</translation>
    </message>
    <message>
        <source>Economy — at most %1 tokens</source>
        <translation>节省 — 最多 %1 个 Token</translation>
    </message>
    <message>
        <source>Auto — the model&apos;s default pixels</source>
        <translation>自动 — 模型默认像素</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Remove this image</source>
        <translation>删除此图片</translation>
    </message>
    <message>
        <source>Detail of this image: Auto (the pixels the model uses by default), High (up to 16,384 tokens) or Economy (fewer tokens, at most the cap chosen)</source>
        <translation>此图片的精细度：自动（模型默认像素）、高（最多 16,384 个 Token）或节省（更少 Token，不超过所选上限）</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>准备中…</translation>
    </message>
    <message>
        <source>updating…</source>
        <translation>更新中…</translation>
    </message>
    <message>
        <source>High — %1 does not take the high-resolution flag</source>
        <translation>高 — %1 不支持高分辨率参数</translation>
    </message>
    <message>
        <source>🔗 link</source>
        <translation>🔗 链接</translation>
    </message>
    <message>
        <source>link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>%1
≈%2 tokens</source>
        <translation>%1
约 %2 个 Token</translation>
    </message>
    <message>
        <source>Click for a larger preview</source>
        <translation>点击查看大图</translation>
    </message>
</context>
<context>
    <name>ImageIntake</name>
    <message>
        <source>the image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>%1: could not be read (%2)</source>
        <translation>%1：无法读取（%2）</translation>
    </message>
</context>
<context>
    <name>ImagePane</name>
    <message>
        <source>Drop images or videos here or anywhere in the window, or paste with Ctrl+V</source>
        <translation>将图片或视频拖放到此处或窗口中任意位置，或按 Ctrl+V 粘贴</translation>
    </message>
    <message>
        <source>Images for the next question: drop files or browser images, paste with Ctrl+V</source>
        <translation>下一个问题的图片：拖放文件或浏览器中的图片，或按 Ctrl+V 粘贴</translation>
    </message>
    <message>
        <source>&lt;b&gt;Images&lt;/b&gt;</source>
        <translation>&lt;b&gt;图片&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Add images…</source>
        <translation>添加图片…</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Paste an image from the clipboard (Ctrl+V)</source>
        <translation>从剪贴板粘贴图片（Ctrl+V）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The clipboard is empty.</source>
        <translation>剪贴板为空。</translation>
    </message>
    <message>
        <source>The clipboard holds text, not an image.</source>
        <translation>剪贴板中是文字，不是图片。</translation>
    </message>
    <message>
        <source>%1 of %2 frames</source>
        <translation>%1 / %2 帧</translation>
    </message>
    <message>
        <source>Ask %1 about this image now</source>
        <translation>立即对此图片执行“%1”</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>%1 cannot read images. Your images are kept; switch to a model that can to send them.</source>
        <translation>%1 无法读取图片。图片已保留；请切换到支持图片的模型后再发送。</translation>
    </message>
    <message>
        <source>%1 cannot read images. Your images are kept.</source>
        <translation>%1 无法读取图片。图片已保留。</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>使用 %1</translation>
    </message>
    <message>
        <source>%1 — %2×%3 as sent</source>
        <translation>%1 — 发送尺寸 %2×%3</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the totals of the images</comment>
        <translation>，</translation>
    </message>
    <message>
        <source>%1 image</source>
        <translation>%1 张图片</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 张图片</translation>
    </message>
    <message>
        <source>%1 video</source>
        <translation>%1 个视频</translation>
    </message>
    <message>
        <source>%1 videos</source>
        <translation>%1 个视频</translation>
    </message>
    <message>
        <source>%1 (%2 not sent)</source>
        <translation>%1（其中 %2 个不发送）</translation>
    </message>
    <message>
        <source>≈%1 tokens, %2 to send</source>
        <translation>约 %1 个 Token，需发送 %2</translation>
    </message>
    <message>
        <source>≈%1 image tokens, %2 to send</source>
        <translation>约 %1 个图像 Token，需发送 %2</translation>
    </message>
    <message>
        <source>high resolution on</source>
        <translation>高分辨率已开启</translation>
    </message>
    <message>
        <source>%1 (%2 preparing)</source>
        <translation>%1（%2 个准备中）</translation>
    </message>
</context>
<context>
    <name>ImageView</name>
    <message>
        <source>The image at the size chosen, with the answer&apos;s boxes</source>
        <translation>按所选尺寸显示的图片及回答中的框</translation>
    </message>
    <message>
        <source>The service downloaded this image from its link: the app has no copy to show.</source>
        <translation>此图片由服务通过链接下载：应用中没有可显示的副本。</translation>
    </message>
</context>
<context>
    <name>ImageViewerDialog</name>
    <message>
        <source>The answer meant this image: put every box and point on it</source>
        <translation>回答指的是这张图片：将所有框和点移到此图片上</translation>
    </message>
    <message>
        <source>Show boxes</source>
        <translation>显示框</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>This image at its original size with the boxes drawn on it</source>
        <translation>以原始尺寸导出此图片，并在其上绘制框</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <source>The boxes and points in pixels of the original images</source>
        <translation>以原图像素坐标表示的框和点</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Move boxes here</source>
        <translation>将框移到此处</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Fit the window (Ctrl+0)</source>
        <translation>适应窗口大小（Ctrl+0）</translation>
    </message>
    <message>
        <source>One image pixel per screen pixel (Ctrl+1)</source>
        <translation>实际大小：图片的 1 像素对应屏幕的 1 像素（Ctrl+1）</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <source> · %1 marked</source>
        <translation> · 已标记 %1 个</translation>
    </message>
    <message>
        <source>Image %1: %2%3%4</source>
        <translation>图片 %1：%2%3%4</translation>
    </message>
    <message>
        <source>%1 — image %2 of %3</source>
        <translation>%1 — 第 %2 张图片，共 %3 张</translation>
    </message>
    <message>
        <source>Nothing marked here.</source>
        <translation>此图片上没有标记。</translation>
    </message>
    <message>
        <source>Move %1 here</source>
        <translation>将 %1 个移到此处</translation>
    </message>
    <message>
        <source>The answer marks another image (%1).</source>
        <translation>回答标记的是另一张图片（%1 个）。</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>%1: point (%2) px</source>
        <translation>%1：点 (%2) px</translation>
    </message>
    <message>
        <source>%1: (%2) – (%3) px of the original</source>
        <translation>%1：原图的 (%2) – (%3) px</translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <source>API key</source>
        <translation>API Key</translation>
    </message>
    <message>
        <source>API key needed</source>
        <translation>需要 API Key</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>显示 API Key</translation>
    </message>
    <message>
        <source>A key is one word without spaces.</source>
        <translation>API Key 不能包含空格。</translation>
    </message>
    <message>
        <source>Model Studio keys usually look like sk-… followed by letters and digits.</source>
        <translation>百炼的 API Key 通常以 sk- 开头，后跟字母和数字。</translation>
    </message>
    <message>
        <source>The key is saved in the OS keyring (%1), nowhere else.</source>
        <translation>API Key 仅保存在系统密钥环（%1）中，不会保存到其他位置。</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>&lt;b&gt;No OS keyring is available&lt;/b&gt; (%1).</source>
        <translation>&lt;b&gt;系统密钥环不可用&lt;/b&gt;（%1）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;No OS keyring is available&lt;/b&gt;.</source>
        <translation>&lt;b&gt;系统密钥环不可用&lt;/b&gt;。</translation>
    </message>
    <message>
        <source> The key is kept in memory for this session only and is forgotten when the app quits. To keep using it, set the environment variable %1.</source>
        <translation>API Key 仅在本次会话中保存在内存里，应用退出后即被清除。如需继续使用，请设置环境变量 %1。</translation>
    </message>
    <message>
        <source>&lt;br&gt;The keyring reported: %1</source>
        <translation>&lt;br&gt;密钥环报告：%1</translation>
    </message>
    <message>
        <source>the endpoint &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>接入地址 &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>region &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>地域 &lt;b&gt;%1&lt;/b&gt;（%2）</translation>
    </message>
    <message>
        <source>The key in use for %1 is &lt;b&gt;%2&lt;/b&gt;, from the environment variable &lt;b&gt;%3&lt;/b&gt;. A key stored here is used for this endpoint when that variable is unset.</source>
        <translation>%1 当前使用的 API Key 为 &lt;b&gt;%2&lt;/b&gt;，来自环境变量 &lt;b&gt;%3&lt;/b&gt;。未设置该变量时，此接入地址将使用在这里保存的 API Key。</translation>
    </message>
    <message>
        <source>The key in use for %1 is &lt;b&gt;%2&lt;/b&gt;, from the environment variable &lt;b&gt;%3&lt;/b&gt;. A key stored here is used for this region when that variable is unset.</source>
        <translation>%1 当前使用的 API Key 为 &lt;b&gt;%2&lt;/b&gt;，来自环境变量 &lt;b&gt;%3&lt;/b&gt;。未设置该变量时，此地域将使用在这里保存的 API Key。</translation>
    </message>
    <message>
        <source>The key in use for %1 is &lt;b&gt;%2&lt;/b&gt; (%3). A key saved here replaces it.</source>
        <translation>%1 当前使用的 API Key 为 &lt;b&gt;%2&lt;/b&gt;（%3）。在这里保存的 API Key 将替换它。</translation>
    </message>
    <message>
        <source>There is no Model Studio API key for %1.</source>
        <translation>%1 尚无百炼 API Key。</translation>
    </message>
    <message>
        <source>There is no Model Studio API key for %1.&lt;br&gt;Keys are bound to their region: a Beijing key does not work in Singapore and the other way round.</source>
        <translation>%1 尚无百炼 API Key。&lt;br&gt;API Key 与地域绑定：北京的 API Key 不能在新加坡使用，反之亦然。</translation>
    </message>
</context>
<context>
    <name>KeyService</name>
    <message>
        <source>The key could not be stored: %1</source>
        <translation>无法保存 API Key：%1</translation>
    </message>
</context>
<context>
    <name>KeySetup</name>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>Saved in the OS keyring (%1), nowhere else. A key in %2 is used without asking.</source>
        <translation>仅保存在系统密钥环（%1）中。%2 中的 API Key 会直接使用，不再询问。</translation>
    </message>
    <message>
        <source>No OS keyring is available (%1), so the key is kept in memory for this session only; to keep it, set %2 before starting the app. A key in %2 is used without asking.</source>
        <translation>系统密钥环不可用（%1），API Key 仅在本次会话中保存在内存里；如需保留，请在启动应用前设置 %2。%2 中的 API Key 会直接使用，不再询问。</translation>
    </message>
    <message>
        <source>The key could not be checked: %1</source>
        <translation>无法检查 API Key：%1</translation>
    </message>
    <message>
        <source>Checking the key %1 with %2…</source>
        <translation>正在通过 %2 检查 API Key %1…</translation>
    </message>
    <message>
        <source>Trying the key in %1…</source>
        <translation>正在 %1 尝试此 API Key…</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>The key %1 belongs to %2: the region is now %2 (%3), and it is saved in the %4.</source>
        <translation>API Key %1 属于 %2：地域已切换为 %2（%3），并已保存到%4。</translation>
    </message>
    <message>
        <source>The key %1 works in %2, and it is saved in the %3.</source>
        <translation>API Key %1 在 %2 可用，已保存到%3。</translation>
    </message>
    <message>
        <source>the endpoint %1</source>
        <translation>接入地址 %1</translation>
    </message>
    <message>
        <source>No region accepted the key %1: it is not a valid Model Studio key (deleted, mistyped, or from another service). Create one in the console of your region (link above) and paste it here.</source>
        <translation>没有地域接受 API Key %1：它不是有效的百炼（Model Studio）API Key（已删除、输入有误或属于其他服务）。请在您所在地域的控制台（上方链接）创建一个，然后粘贴到这里。</translation>
    </message>
    <message>
        <source>%1 rejected the key %2. Check that it was copied whole.</source>
        <translation>%1 拒绝了 API Key %2。请检查是否完整复制。</translation>
    </message>
    <message>
        <source>%1 rejected the key %2. A key works only in the region whose console made it: choose that region above and save again, or let the app find it.</source>
        <translation>%1 拒绝了 API Key %2。API Key 只能在创建它的控制台所属地域使用：请在上方选择该地域后重新保存，或让应用自动查找。</translation>
    </message>
    <message>
        <source>The key %1 works with %2 (%3 models) and is saved in the %4.</source>
        <translation>API Key %1 可用于%2（%3 个模型），已保存到%4。</translation>
    </message>
    <message>
        <source>The key %1 works in %2 (%3 models) and is saved in the %4.</source>
        <translation>API Key %1 在 %2 可用（%3 个模型），已保存到%4。</translation>
    </message>
    <message>
        <source>The key %1 is saved in the %2 for %3, but it could not be checked now: %4</source>
        <translation>API Key %1 已作为 %3 的 Key 保存到%2，但现在无法检查：%4</translation>
    </message>
</context>
<context>
    <name>KeySource</name>
    <message>
        <source>this session only (in memory, not saved)</source>
        <translation>仅限本次会话（保存在内存中，不写入磁盘）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>environment %1</source>
        <translation>环境变量 %1</translation>
    </message>
    <message>
        <source>OS keyring (%1)</source>
        <translation>系统密钥环（%1）</translation>
    </message>
</context>
<context>
    <name>LinkOfferBar</name>
    <message>
        <source>Send the link with the next question: the service downloads the image</source>
        <translation>随下一个问题发送该链接：由服务端下载图片</translation>
    </message>
    <message>
        <source>Do not attach</source>
        <translation>不附加</translation>
    </message>
    <message>
        <source>Attach link</source>
        <translation>附加链接</translation>
    </message>
    <message>
        <source>The clipboard holds an image link: %1</source>
        <translation>剪贴板中有一个图片链接：%1</translation>
    </message>
    <message>
        <source>The clipboard holds %1 image links: %2, …</source>
        <translation>剪贴板中有 %1 个图片链接：%2，…</translation>
    </message>
    <message>
        <source>Attach %1 links</source>
        <translation>附加 %1 个链接</translation>
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
        <translation>图片和视频 (%1)</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>图片 (%1)</translation>
    </message>
    <message>
        <source>Videos (%1)</source>
        <translation>视频 (%1)</translation>
    </message>
    <message>
        <source>All files (%1)</source>
        <translation>所有文件 (%1)</translation>
    </message>
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
        <source>Model</source>
        <translation>模型</translation>
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
        <source>Preparing images…</source>
        <translation>正在准备图片…</translation>
    </message>
    <message>
        <source>Type a question or add an image first.</source>
        <translation>请先输入问题或添加图片。</translation>
    </message>
    <message>
        <source>Only a finished reply can be retried, one at a time.</source>
        <translation>只能重试已结束的回复，且一次一个。</translation>
    </message>
    <message>
        <source>Nothing to regenerate yet (or an answer is still streaming).</source>
        <translation>暂无可重新生成的回复（或回答仍在生成中）。</translation>
    </message>
    <message>
        <source>Answer copied</source>
        <translation>已复制回答</translation>
    </message>
    <message>
        <source>Add images or videos</source>
        <translation>添加图片或视频</translation>
    </message>
    <message>
        <source>No API key for this region yet: paste one in the welcome above.</source>
        <translation>此地域尚无 API Key：请粘贴到上方的欢迎页中。</translation>
    </message>
    <message>
        <source>No key entered: nothing was sent. File ▸ Set API key… to add one.</source>
        <translation>未输入 API Key，未发送任何内容。可通过“文件 ▸ 设置 API Key…”添加。</translation>
    </message>
    <message>
        <source>Key kept for this session only (no OS keyring): set DASHSCOPE_API_KEY to keep it.</source>
        <translation>API Key 仅在本次会话中保留（无系统密钥环）：如需长期使用，请设置 DASHSCOPE_API_KEY。</translation>
    </message>
    <message>
        <source>Key saved in the %1.</source>
        <translation>API Key 已保存到 %1。</translation>
    </message>
    <message>
        <source>The sample picture and its question go out once the key is in.</source>
        <translation>输入 API Key 后即会发送示例图片及其问题。</translation>
    </message>
    <message>
        <source>curl command copied: it reads the key from $DASHSCOPE_API_KEY</source>
        <translation>已复制 curl 命令（API Key 从 $DASHSCOPE_API_KEY 读取）</translation>
    </message>
    <message>
        <source>Send (%1)</source>
        <translation>发送 (%1)</translation>
    </message>
    <message>
        <source>Send the question (%1)</source>
        <translation>发送问题 (%1)</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>thinks</source>
        <translation>始终思考</translation>
    </message>
    <message>
        <source>always reasons step by step before it answers (slower)</source>
        <translation>回答前总会逐步推理（较慢）</translation>
    </message>
    <message>
        <source>can think</source>
        <translation>可思考</translation>
    </message>
    <message>
        <source>can reason before it answers: the Thinking switch</source>
        <translation>可在回答前推理（由“思考”开关控制）</translation>
    </message>
    <message>
        <source>stream only</source>
        <translation>仅流式</translation>
    </message>
    <message>
        <source>answers only as a stream</source>
        <translation>仅以流式输出回答</translation>
    </message>
    <message>
        <source>reads text</source>
        <translation>文字识别</translation>
    </message>
    <message>
        <source>made for reading the text in images and documents</source>
        <translation>专为识别图片和文档中的文字而设计</translation>
    </message>
    <message>
        <source>video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>also takes video</source>
        <translation>也可输入视频</translation>
    </message>
    <message>
        <source>finds objects</source>
        <translation>目标定位</translation>
    </message>
    <message>
        <source>can point at things: boxes drawn on the image</source>
        <translation>可指出物体位置：在图片上绘制方框</translation>
    </message>
    <message>
        <source>no images</source>
        <translation>不支持图片</translation>
    </message>
    <message>
        <source>cannot read images</source>
        <translation>无法读取图片</translation>
    </message>
    <message>
        <source>not in catalog</source>
        <translation>不在目录中</translation>
    </message>
    <message>
        <source>not in the built-in catalog: its abilities are guessed</source>
        <translation>不在内置模型目录中：其能力为推测</translation>
    </message>
    <message>
        <source>each image token covers %1 × %1 pixels</source>
        <translation>每个图像 Token 对应 %1 × %1 像素</translation>
    </message>
    <message>
        <source>holds up to %1 tokens per conversation</source>
        <translation>每个对话最多容纳 %1 个 Token</translation>
    </message>
    <message>
        <source>answers up to %1 tokens long</source>
        <translation>回答最长 %1 个 Token</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>behaves as %1 (your configuration)</source>
        <translation>按 %1 处理（你的配置）</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Service region; each has its own key and endpoint</source>
        <translation>服务地域；每个地域有各自的 API Key 和接入地址</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Model, grouped by family, with its flags</source>
        <translation>模型（按系列分组，附带能力标记）</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>思考</translation>
    </message>
    <message>
        <source>Let the model reason before it answers (hybrid-thinking models)</source>
        <translation>让模型在回答前先推理（混合思考模型）</translation>
    </message>
    <message>
        <source>auto</source>
        <comment>thinking budget</comment>
        <translation>自动</translation>
    </message>
    <message>
        <source> tok</source>
        <comment>unit of the thinking budget</comment>
        <translation> Token</translation>
    </message>
    <message>
        <source>Most tokens the model may spend thinking (0: its default)</source>
        <translation>模型思考可使用的最多 Token 数（0：模型默认值）</translation>
    </message>
    <message>
        <source>any compatible endpoint URL</source>
        <translation>任意兼容接口的接入地址 URL</translation>
    </message>
</context>
<context>
    <name>NoScreenshotHandlerError</name>
    <message>
        <source>No way to take a screenshot worked here:</source>
        <translation>在此环境中没有可用的截屏方式：</translation>
    </message>
</context>
<context>
    <name>PortalHandler</name>
    <message>
        <source>Install xdg-desktop-portal and the backend for your desktop (xdg-desktop-portal-gnome, xdg-desktop-portal-kde or xdg-desktop-portal-wlr).</source>
        <translation>请安装 xdg-desktop-portal 以及适用于您桌面的后端（xdg-desktop-portal-gnome、xdg-desktop-portal-kde 或 xdg-desktop-portal-wlr）。</translation>
    </message>
    <message>
        <source>Not a Wayland session: the portal is needed only there.</source>
        <translation>不是 Wayland 会话：只有在 Wayland 下才需要门户。</translation>
    </message>
    <message>
        <source>Start the desktop session with D-Bus (most desktops do).</source>
        <translation>请使用 D-Bus 启动桌面会话（大多数桌面环境默认如此）。</translation>
    </message>
    <message>
        <source>%1 is not on the D-Bus session bus.</source>
        <translation>%1 不在 D-Bus 会话总线上。</translation>
    </message>
    <message>
        <source>The desktop portal can take screenshots.</source>
        <translation>桌面门户可以截屏。</translation>
    </message>
    <message>
        <source>The portal&apos;s screenshot %1 could not be read.</source>
        <translation>无法读取门户的截图 %1。</translation>
    </message>
    <message>
        <source>The D-Bus session bus cannot be reached.</source>
        <translation>无法连接 D-Bus 会话总线。</translation>
    </message>
    <message>
        <source>Cannot listen for the desktop portal&apos;s answer on D-Bus.</source>
        <translation>无法在 D-Bus 上监听桌面门户的响应。</translation>
    </message>
    <message>
        <source>The desktop portal refused the screenshot: %1</source>
        <translation>桌面门户拒绝了截屏：%1</translation>
    </message>
    <message>
        <source>The desktop portal did not answer within %1 s.</source>
        <translation>桌面门户在 %1 秒内没有响应。</translation>
    </message>
    <message>
        <source>The screenshot was cancelled.</source>
        <translation>截屏已取消。</translation>
    </message>
    <message>
        <source>The desktop portal could not take the screenshot.</source>
        <translation>桌面门户无法截屏。</translation>
    </message>
    <message>
        <source>The desktop portal returned %1, which is not a local file.</source>
        <translation>桌面门户返回的 %1 不是本地文件。</translation>
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
<context>
    <name>PreferencesService</name>
    <message>
        <source>Locked by the system-wide configuration (%1): ask whoever manages this computer to change it.</source>
        <translation>已被系统级配置（%1）锁定：如需更改，请联系这台计算机的管理员。</translation>
    </message>
    <message>
        <source>%1 is set in the environment and wins: a value saved here is used once it is unset.</source>
        <translation>环境变量 %1 已设置并优先生效：取消设置后才会使用此处保存的值。</translation>
    </message>
    <message>
        <source>Given on the command line for this start: a value saved here is used from the next start.</source>
        <translation>本次启动时已在命令行中指定：此处保存的值将在下次启动时生效。</translation>
    </message>
    <message>
        <source>%1 is not a setting the preferences change.</source>
        <translation>%1 不是可在首选项中更改的设置。</translation>
    </message>
    <message>
        <source>%1 is locked by the system-wide configuration.</source>
        <translation>%1 已被系统级配置锁定。</translation>
    </message>
    <message>
        <source>Nothing was saved: 1 setting cannot take that value.</source>
        <translation>未保存任何内容：有 1 项设置不接受该值。</translation>
    </message>
    <message>
        <source>Nothing was saved: %1 settings cannot take that value.</source>
        <translation>未保存任何内容：有 %1 项设置不接受该值。</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>没有更改。</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>未保存任何内容：%1</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <source>Saved to %1. Used once the answer being written ends: %2.</source>
        <translation>已保存到 %1。%2将在当前回答生成结束后生效。</translation>
    </message>
    <message>
        <source>The key for %1 was not stored.</source>
        <translation>%1 的 API Key 未保存。</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>The key %1 for %2 is kept for this session only (no OS keyring): set %3 to keep it.</source>
        <translation>%2 的 API Key %1 仅在本次会话中保留（没有系统密钥环）：如需保留，请设置 %3。</translation>
    </message>
    <message>
        <source>The key %1 for %2 is saved in the %3.</source>
        <translation>%2 的 API Key %1 已保存到%3。</translation>
    </message>
    <message>
        <source>No key for %1 to check: set one first.</source>
        <translation>%1 没有可检查的 API Key：请先设置。</translation>
    </message>
    <message>
        <source>Checking the key %1 for %2…</source>
        <translation>正在检查 %2 的 API Key %1…</translation>
    </message>
    <message>
        <source>The key for %1 was not deleted: %2</source>
        <translation>%1 的 API Key 未删除：%2</translation>
    </message>
    <message>
        <source>There was no stored key for %1.</source>
        <translation>%1 没有已保存的 API Key。</translation>
    </message>
    <message>
        <source>The key for %1 is deleted from the OS keyring. %2 in the environment is still used.</source>
        <translation>已从系统密钥环中删除 %1 的 API Key。环境变量 %2 中的 Key 仍会使用。</translation>
    </message>
    <message>
        <source>The key for %1 is deleted from the OS keyring.</source>
        <translation>已从系统密钥环中删除 %1 的 API Key。</translation>
    </message>
    <message>
        <source>Wait for the key operation under way to finish.</source>
        <translation>请等待正在进行的 API Key 操作完成。</translation>
    </message>
    <message>
        <source>The key operation failed: %1</source>
        <translation>API Key 操作失败：%1</translation>
    </message>
    <message>
        <source>the proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>the CA certificates</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>the connect timeout</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <source>the answer timeout</source>
        <translation>回答超时</translation>
    </message>
    <message>
        <source>the longest silence</source>
        <translation>最长静默时间</translation>
    </message>
    <message>
        <source>the history</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1和%2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>Your settings file (%1)</source>
        <translation>您的设置文件（%1）</translation>
    </message>
    <message>
        <source>System-wide file (%1)</source>
        <translation>系统级配置文件（%1）</translation>
    </message>
    <message>
        <source>Environment variable %1</source>
        <translation>环境变量 %1</translation>
    </message>
    <message>
        <source>Command line (this start only)</source>
        <translation>命令行（仅本次启动）</translation>
    </message>
    <message>
        <source>the custom endpoint %1</source>
        <translation>自定义接入地址 %1</translation>
    </message>
</context>
<context>
    <name>PromptEdit</name>
    <message>
        <source>Question. Enter sends, Esc stops the answer</source>
        <translation>问题。按 Enter 发送，按 Esc 停止回答</translation>
    </message>
    <message>
        <source>Ask about the images…  (Enter to send, Shift+Enter for a new line, Esc to stop)</source>
        <translation>输入关于图片的问题…（Enter 发送，Shift+Enter 换行，Esc 停止）</translation>
    </message>
    <message>
        <source>Question. Ctrl+Enter sends, Esc stops the answer</source>
        <translation>问题。按 Ctrl+Enter 发送，按 Esc 停止回答</translation>
    </message>
    <message>
        <source>Ask about the images…  (Ctrl+Enter to send, Esc to stop)</source>
        <translation>输入关于图片的问题…（Ctrl+Enter 发送，Esc 停止）</translation>
    </message>
</context>
<context>
    <name>QtGrabHandler</name>
    <message>
        <source>Qt&apos;s screen grab needs the application to be running.</source>
        <translation>Qt 屏幕抓取需要应用程序正在运行。</translation>
    </message>
    <message>
        <source>Qt runs on its %1 platform, which has no real screen to read.</source>
        <translation>Qt 运行在 %1 平台上，没有可读取的真实屏幕。</translation>
    </message>
    <message>
        <source>Qt cannot read the screen in a Wayland session; the desktop portal can.</source>
        <translation>在 Wayland 会话中 Qt 无法读取屏幕；桌面门户（portal）可以。</translation>
    </message>
    <message>
        <source>The app runs through XWayland, where Qt&apos;s screen grab sees only X11 windows.</source>
        <translation>应用通过 XWayland 运行，Qt 屏幕抓取只能看到 X11 窗口。</translation>
    </message>
    <message>
        <source>Qt can read the screen on %1.</source>
        <translation>Qt 可以在 %1 上读取屏幕。</translation>
    </message>
    <message>
        <source>Qt could not read screen %1.</source>
        <translation>Qt 无法读取屏幕 %1。</translation>
    </message>
    <message>
        <source>Qt reports no screens.</source>
        <translation>Qt 未报告任何屏幕。</translation>
    </message>
</context>
<context>
    <name>QuickPrompts</name>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <source>Chinese (Simplified)</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>Chinese (Traditional)</source>
        <translation>繁体中文</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>日语</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韩语</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>西班牙语</translation>
    </message>
    <message>
        <source>French</source>
        <translation>法语</translation>
    </message>
    <message>
        <source>German</source>
        <translation>德语</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>葡萄牙语</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>意大利语</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>俄语</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>阿拉伯语</translation>
    </message>
    <message>
        <source>Hindi</source>
        <translation>印地语</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>印度尼西亚语</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>越南语</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>泰语</translation>
    </message>
    <message>
        <source>Turkish</source>
        <translation>土耳其语</translation>
    </message>
    <message>
        <source>Describe</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Describe this image in detail.</source>
        <translation>请详细描述这张图片。</translation>
    </message>
    <message>
        <source>Extract text</source>
        <translation>提取文字</translation>
    </message>
    <message>
        <source>Extract all the text in this image. Keep its layout: lines, lists and tables (as Markdown tables).</source>
        <translation>提取这张图片中的全部文字，并保留原有排版：换行、列表和表格（表格用 Markdown 表格表示）。</translation>
    </message>
    <message>
        <source>Explain this error</source>
        <translation>解释错误</translation>
    </message>
    <message>
        <source>This screenshot shows an error. Explain what went wrong, the most likely cause, and how to fix it.</source>
        <translation>这张截图显示了一个错误。请说明出了什么问题、最可能的原因以及解决方法。</translation>
    </message>
    <message>
        <source>Translate to {language}</source>
        <translation>翻译成{language}</translation>
    </message>
    <message>
        <source>Translate all the text in this image into {language}. Keep the layout, and note anything that cannot be translated.</source>
        <translation>将这张图片中的全部文字翻译成{language}。保留原有排版，无法翻译的内容请注明。</translation>
    </message>
    <message>
        <source>Table → Markdown/CSV</source>
        <translation>表格 → Markdown/CSV</translation>
    </message>
    <message>
        <source>Extract the table in this image as one Markdown table. Keep every row and column, leave empty cells empty, and answer with the table only.</source>
        <translation>将这张图片中的表格提取为一个 Markdown 表格。保留所有行和列，空单元格保持为空，只回答表格本身。</translation>
    </message>
    <message>
        <source>Formula → LaTeX</source>
        <translation>公式 → LaTeX</translation>
    </message>
    <message>
        <source>Write the formula in this image in LaTeX. Answer with the LaTeX only, between $$ and $$.</source>
        <translation>用 LaTeX 写出这张图片中的公式。只回答 LaTeX，并放在 $$ 和 $$ 之间。</translation>
    </message>
    <message>
        <source>Document → Markdown</source>
        <translation>文档 → Markdown</translation>
    </message>
    <message>
        <source>Document → HTML</source>
        <translation>文档 → HTML</translation>
    </message>
    <message>
        <source>New prompt</source>
        <translation>新提示词</translation>
    </message>
    <message>
        <source>Describe this image.</source>
        <translation>请描述这张图片。</translation>
    </message>
    <message>
        <source>there is no quick prompt %1</source>
        <translation>没有快捷提示词 %1</translation>
    </message>
    <message>
        <source>%1: not a list of prompts; the default prompts are used.</source>
        <translation>%1：不是提示词列表，将使用默认提示词。</translation>
    </message>
    <message>
        <source>The quick prompts</source>
        <translation>快捷提示词</translation>
    </message>
    <message>
        <source>quick prompt %1 was skipped: %2</source>
        <translation>已跳过快捷提示词 %1：%2</translation>
    </message>
    <message>
        <source>%1; %2 is used</source>
        <translation>%1；将使用%2</translation>
    </message>
    <message>
        <source>%1 could not be read (%2); the defaults are used.</source>
        <translation>无法读取 %1（%2），将使用默认设置。</translation>
    </message>
    <message>
        <source>%1 is not valid JSON (line %2: %3); the defaults are used, and saving will replace the file.</source>
        <translation>%1 不是有效的 JSON（第 %2 行：%3）。将使用默认设置，保存时会替换该文件。</translation>
    </message>
    <message>
        <source>a quick prompt needs an id</source>
        <translation>快捷提示词需要 ID</translation>
    </message>
    <message>
        <source>the id %1 is used twice</source>
        <translation>ID %1 重复</translation>
    </message>
    <message>
        <source>a quick prompt needs a label</source>
        <translation>快捷提示词需要名称</translation>
    </message>
    <message>
        <source>the quick prompt %1 has no text</source>
        <translation>快捷提示词 %1 没有内容</translation>
    </message>
    <message>
        <source>a label is at most %1 characters</source>
        <translation>名称最多 %1 个字符</translation>
    </message>
    <message>
        <source>a quick prompt is at most %1 characters</source>
        <translation>快捷提示词最多 %1 个字符</translation>
    </message>
    <message>
        <source>the translation language must be a non-empty name</source>
        <translation>翻译目标语言的名称不能为空</translation>
    </message>
    <message>
        <source>a language name is at most %1 characters</source>
        <translation>语言名称最多 %1 个字符</translation>
    </message>
</context>
<context>
    <name>QuickPromptsBar</name>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Change, add or reorder the quick prompts</source>
        <translation>修改、添加或重新排序快捷提示词</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>其他…</translation>
    </message>
    <message>
        <source>Translate to</source>
        <translation>翻译成</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>The quick prompts could not be saved: %1</source>
        <translation>无法保存快捷提示词：%1</translation>
    </message>
</context>
<context>
    <name>QuickPromptsEditor</name>
    <message>
        <source>Quick prompts</source>
        <translation>快捷提示词</translation>
    </message>
    <message>
        <source>The question to ask. {language} is replaced.</source>
        <translation>要提问的内容。{language} 会替换为目标语言。</translation>
    </message>
    <message>
        <source>Use the region&apos;s OCR model when there is one</source>
        <translation>所在地域有 OCR 模型时使用该模型</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Translate to</source>
        <translation>翻译成</translation>
    </message>
</context>
<context>
    <name>RegionOverlay</name>
    <message>
        <source>Drag to select a region  ·  Esc to cancel</source>
        <translation>拖动以选择区域  ·  按 Esc 取消</translation>
    </message>
    <message>
        <source>Capture region</source>
        <translation>截取区域</translation>
    </message>
</context>
<context>
    <name>Regions</name>
    <message>
        <source>Singapore</source>
        <translation>新加坡</translation>
    </message>
    <message>
        <source>Virginia</source>
        <translation>弗吉尼亚</translation>
    </message>
    <message>
        <source>Beijing</source>
        <translation>北京</translation>
    </message>
    <message>
        <source>Hong Kong</source>
        <translation>中国香港</translation>
    </message>
    <message>
        <source>Singapore (international)</source>
        <translation>新加坡（国际）</translation>
    </message>
    <message>
        <source>Virginia (US)</source>
        <translation>弗吉尼亚（美国）</translation>
    </message>
    <message>
        <source>Beijing (mainland China)</source>
        <translation>北京（中国内地）</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>The request failed.</source>
        <translation>请求失败。</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>failed (%1)</source>
        <translation>失败（%1）</translation>
    </message>
    <message>
        <source>Double-click to open it as a conversation.</source>
        <translation>双击可作为对话打开。</translation>
    </message>
</context>
<context>
    <name>ScreenshotDesktop</name>
    <message>
        <source>The screenshot could not be read as an image.</source>
        <translation>无法将截图读取为图片。</translation>
    </message>
    <message>
        <source>Qt reports no screens to show the capture on.</source>
        <translation>Qt 未报告可显示截图的屏幕。</translation>
    </message>
    <message>
        <source>The screenshot is %1×%2 pixels but the screens span %3×%4; the parts cannot be matched to the screens.</source>
        <translation>截图为 %1×%2 像素，但屏幕范围为 %3×%4；无法将各部分与屏幕对应。</translation>
    </message>
</context>
<context>
    <name>ScreenshotProbes</name>
    <message>
        <source>There is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set).</source>
        <translation>没有 D-Bus 会话总线（未设置 DBUS_SESSION_BUS_ADDRESS）。</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <source>The D-Bus session bus cannot be reached (%1).</source>
        <translation>无法连接 D-Bus 会话总线（%1）。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>%1, line %2, key &apos;%3&apos;: %4</source>
        <translation>%1，第 %2 行，键 &apos;%3&apos;：%4</translation>
    </message>
    <message>
        <source>%1, line %2: %4</source>
        <translation>%1，第 %2 行：%4</translation>
    </message>
    <message>
        <source>%1, key &apos;%3&apos;: %4</source>
        <translation>%1，键 &apos;%3&apos;：%4</translation>
    </message>
    <message>
        <source>%1: %4</source>
        <translation>%1：%4</translation>
    </message>
    <message>
        <source>%1 (a region replaces the base URL)</source>
        <translation>%1（地域设置取代了基础 URL）</translation>
    </message>
    <message>
        <source>%1 (first allowed model)</source>
        <translation>%1（第一个允许的模型）</translation>
    </message>
    <message>
        <source>system file %1</source>
        <translation>系统配置文件 %1</translation>
    </message>
    <message>
        <source>user file %1</source>
        <translation>用户配置文件 %1</translation>
    </message>
    <message>
        <source>environment %1</source>
        <translation>环境变量 %1</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>%1 names this file but it does not exist</source>
        <translation>%1 指定了此文件，但该文件不存在</translation>
    </message>
    <message>
        <source>cannot be read (%1); ignored</source>
        <translation>无法读取（%1）；已忽略</translation>
    </message>
    <message>
        <source>is not UTF-8 text; the whole file is ignored</source>
        <translation>不是 UTF-8 文本；整个文件被忽略</translation>
    </message>
    <message>
        <source>invalid TOML (column %2): %1; the whole file is ignored</source>
        <translation>TOML 无效（第 %2 列）：%1；整个文件被忽略</translation>
    </message>
    <message>
        <source>invalid TOML: %1; the whole file is ignored</source>
        <translation>TOML 无效：%1；整个文件被忽略</translation>
    </message>
    <message>
        <source>configuration files must not hold API keys, so this whole file is ignored. Delete that line and store the key in the OS keyring with %1 (or set %2 in the environment).</source>
        <translation>配置文件中不得保存 API Key，因此整个文件被忽略。请删除该行，并用 %1 将 API Key 保存到系统密钥环（或在环境变量中设置 %2）。</translation>
    </message>
    <message>
        <source>only the system-wide file can lock settings; ignored</source>
        <translation>只有系统级配置文件才能锁定设置；已忽略</translation>
    </message>
    <message>
        <source>unknown setting; ignored (API keys go in the OS keyring: %2). Known settings: %1</source>
        <translation>未知的设置项，已忽略（API Key 应保存在系统密钥环中：%2）。已知的设置项：%1</translation>
    </message>
    <message>
        <source>unknown setting; ignored. Known settings: %1</source>
        <translation>未知的设置项，已忽略。已知的设置项：%1</translation>
    </message>
    <message>
        <source>%1; ignored (the default stays)</source>
        <translation>%1；已忽略（保留默认值）</translation>
    </message>
    <message>
        <source>%1; ignored (the value from %2 stays)</source>
        <translation>%1；已忽略（保留来自 %2 的值）</translation>
    </message>
    <message>
        <source>%1 is locked by the system-wide configuration (%2); it cannot be changed on the command line</source>
        <translation>%1 已被系统级配置（%2）锁定；无法在命令行中更改</translation>
    </message>
    <message>
        <source>%1 is locked by the system-wide configuration (%2); this value is ignored</source>
        <translation>%1 已被系统级配置（%2）锁定；此值被忽略</translation>
    </message>
    <message>
        <source>expected an array of setting names</source>
        <translation>应为设置名称的数组</translation>
    </message>
    <message>
        <source>cannot lock unknown setting(s) %1; the others are locked</source>
        <translation>无法锁定未知的设置项 %1；其余设置已锁定</translation>
    </message>
    <message>
        <source>allowed_models (%1, from %2)</source>
        <translation>allowed_models（%1，来自 %2）</translation>
    </message>
    <message>
        <source>model %1 is not in %2; using %3</source>
        <translation>模型 %1 不在 %2 中；改用 %3</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>应为%1，实际为 %2</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>布尔值</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>数组</translation>
    </message>
    <message>
        <source>a table</source>
        <translation>表</translation>
    </message>
    <message>
        <source>unknown region %1; choose one of %2 (a custom endpoint is set with base_url)</source>
        <translation>未知的地域 %1；请从 %2 中选择（自定义接入地址用 base_url 设置）</translation>
    </message>
    <message>
        <source>base URL %1 must start with http:// or https://</source>
        <translation>基础 URL %1 必须以 http:// 或 https:// 开头</translation>
    </message>
    <message>
        <source>base URL %1 has no host name</source>
        <translation>基础 URL %1 缺少主机名</translation>
    </message>
    <message>
        <source>base URL %1 has an invalid port</source>
        <translation>基础 URL %1 的端口无效</translation>
    </message>
    <message>
        <source>proxy URL %1 must start with http:// or https:// or socks5:// or socks5h://</source>
        <translation>代理 URL %1 必须以 http://、https://、socks5:// 或 socks5h:// 开头</translation>
    </message>
    <message>
        <source>proxy URL %1 has no host name</source>
        <translation>代理 URL %1 缺少主机名</translation>
    </message>
    <message>
        <source>proxy URL %1 has an invalid port</source>
        <translation>代理 URL %1 的端口无效</translation>
    </message>
    <message>
        <source>base URL %1 contains spaces</source>
        <translation>基础 URL %1 包含空格</translation>
    </message>
    <message>
        <source>model name %1 must be one word, e.g. qwen3-vl-plus</source>
        <translation>模型名称 %1 必须是一个不含空格的词，例如 qwen3-vl-plus</translation>
    </message>
    <message>
        <source>an array of model names</source>
        <translation>模型名称的数组</translation>
    </message>
    <message>
        <source>expected &quot;system&quot;, &quot;certifi&quot; or the path of a PEM CA bundle</source>
        <translation>应为 &quot;system&quot;、&quot;certifi&quot; 或 PEM 格式 CA 证书包的路径</translation>
    </message>
    <message>
        <source>CA bundle %1 does not exist; give a PEM file, or &quot;system&quot; for the operating system&apos;s trust store</source>
        <translation>CA 证书包 %1 不存在；请指定 PEM 文件，或用 &quot;system&quot; 表示操作系统的信任存储</translation>
    </message>
    <message>
        <source>CA bundle %1 cannot be loaded as PEM certificates: %2</source>
        <translation>无法将 CA 证书包 %1 作为 PEM 证书加载：%2</translation>
    </message>
    <message>
        <source>a number of seconds</source>
        <translation>秒数</translation>
    </message>
    <message>
        <source>a timeout must be more than 0 and at most %1 seconds</source>
        <translation>超时必须大于 0 秒且不超过 %1 秒</translation>
    </message>
    <message>
        <source>image detail %1: choose &quot;standard&quot;, &quot;high&quot; or &quot;economy&quot;</source>
        <translation>图像精细度 %1：请选择 &quot;standard&quot;、&quot;high&quot; 或 &quot;economy&quot;</translation>
    </message>
    <message>
        <source>expected true or false (or on/off)</source>
        <translation>应为 true 或 false（或 on/off）</translation>
    </message>
    <message>
        <source>expected true, false or &quot;auto&quot; (the model&apos;s own default)</source>
        <translation>应为 true、false 或 &quot;auto&quot;（模型自身的默认值）</translation>
    </message>
    <message>
        <source>language %1: choose &quot;en&quot;, &quot;ja&quot;, &quot;zh_CN&quot; or &quot;system&quot; (the system&apos;s language)</source>
        <translation>语言 %1：请选择 &quot;en&quot;、&quot;ja&quot;、&quot;zh_CN&quot; 或 &quot;system&quot;（系统语言）</translation>
    </message>
    <message>
        <source>theme %1: choose &quot;system&quot;, &quot;light&quot; or &quot;dark&quot;</source>
        <translation>主题 %1：请选择 &quot;system&quot;、&quot;light&quot; 或 &quot;dark&quot;</translation>
    </message>
    <message>
        <source>a font size in points</source>
        <translation>以磅为单位的字号</translation>
    </message>
    <message>
        <source>the font size must be a whole number, got %1</source>
        <translation>字号必须是整数，实际为 %1</translation>
    </message>
    <message>
        <source>font size %1: give %2 to %3 points, or &quot;system&quot; for the system font</source>
        <translation>字号 %1：请指定 %2 到 %3 磅，或用 &quot;system&quot; 表示系统字体</translation>
    </message>
    <message>
        <source>send_with %1: choose &quot;enter&quot; (Shift+Enter for a new line) or &quot;ctrl_enter&quot;</source>
        <translation>send_with %1：请选择 &quot;enter&quot;（Shift+Enter 换行）或 &quot;ctrl_enter&quot;</translation>
    </message>
    <message>
        <source>the system prompt has %1 characters; at most %2</source>
        <translation>系统提示词有 %1 个字符；最多 %2 个</translation>
    </message>
    <message>
        <source>a temperature</source>
        <translation>temperature（温度）值</translation>
    </message>
    <message>
        <source>temperature %1: give 0 or more and less than 2 (lower is steadier), or &quot;default&quot; for the model&apos;s own</source>
        <translation>temperature %1：请指定大于等于 0 且小于 2 的值（越低越稳定），或用 &quot;default&quot; 表示模型自身的默认值</translation>
    </message>
    <message>
        <source>a top_p</source>
        <translation>top_p 值</translation>
    </message>
    <message>
        <source>top_p %1: give more than 0 and at most 1, or &quot;default&quot; for the model&apos;s own</source>
        <translation>top_p %1：请指定大于 0 且不超过 1 的值，或用 &quot;default&quot; 表示模型自身的默认值</translation>
    </message>
    <message>
        <source>a number of tokens</source>
        <translation>Token 数</translation>
    </message>
    <message>
        <source>max_tokens must be a whole number, got %1</source>
        <translation>max_tokens 必须是整数，实际为 %1</translation>
    </message>
    <message>
        <source>max_tokens %1: give 1 to %2 tokens, or &quot;default&quot; for the model&apos;s own limit</source>
        <translation>max_tokens %1：请指定 1 到 %2 个 Token，或用 &quot;default&quot; 表示模型自身的上限</translation>
    </message>
    <message>
        <source>REGION=URL pairs separated by commas</source>
        <translation>以逗号分隔的 REGION=URL 对</translation>
    </message>
    <message>
        <source>a table of region = URL</source>
        <translation>region = URL 形式的表</translation>
    </message>
    <message>
        <source>region %1: an empty URL</source>
        <translation>地域 %1：URL 为空</translation>
    </message>
    <message>
        <source>ALIAS=MODEL pairs separated by commas</source>
        <translation>以逗号分隔的 ALIAS=MODEL 对</translation>
    </message>
    <message>
        <source>a table of [models.NAME] like = MODEL</source>
        <translation>[models.NAME] like = MODEL 形式的表</translation>
    </message>
    <message>
        <source>model %1: like = must name a model of the built-in catalog (see `qwenvl-desktop models`), got %2</source>
        <translation>模型 %1：like = 必须指定内置目录中的模型（参见 `qwenvl-desktop models`），实际为 %2</translation>
    </message>
    <message>
        <source>model %1 is in the built-in catalog already</source>
        <translation>模型 %1 已在内置目录中</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Cannot listen on %1 for other instances: %2</source>
        <translation>无法在 %1 上监听其他实例：%2</translation>
    </message>
    <message>
        <source>Cannot create the instance lock %1.</source>
        <translation>无法创建实例锁 %1。</translation>
    </message>
    <message>
        <source>Another Qwen-VL Desktop is running but does not answer; close it and try again.</source>
        <translation>另一个 Qwen-VL Desktop 正在运行但没有响应；请关闭它后重试。</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>key: looking…</source>
        <translation>API Key：正在查找…</translation>
    </message>
    <message>
        <source>key %1 (%2)</source>
        <translation>API Key %1（%2）</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>无 API Key</translation>
    </message>
    <message>
        <source>(no endpoint)</source>
        <translation>（无接入地址）</translation>
    </message>
    <message>
        <source>Requests go to %1
Key: %2</source>
        <translation>请求发送至：%1
API Key：%2</translation>
    </message>
    <message>
        <source>%1 tok/s</source>
        <translation>%1 Token/秒</translation>
    </message>
</context>
<context>
    <name>StoredTurns</name>
    <message>
        <source>▲ Show 1 earlier turn</source>
        <translation>▲ 显示之前的 1 轮对话</translation>
    </message>
    <message>
        <source>▲ Show %1 earlier turns</source>
        <translation>▲ 显示之前的 %1 轮对话</translation>
    </message>
    <message>
        <source>  (or scroll to the top)</source>
        <translation>  （或滚动到顶部）</translation>
    </message>
</context>
<context>
    <name>TranscriptDocument</name>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>(video only)</source>
        <translation>（仅视频）</translation>
    </message>
    <message>
        <source>(images only)</source>
        <translation>（仅图片）</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>思考过程</translation>
    </message>
    <message>
        <source>Thinking… %1 s</source>
        <translation>思考中… %1 秒</translation>
    </message>
    <message>
        <source>Thought for %1 s</source>
        <translation>已思考 %1 秒</translation>
    </message>
    <message>
        <source>%1 (%2 characters)</source>
        <translation>%1（%2 个字符）</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>复制为 curl 命令</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Set key…</source>
        <translation>设置 API Key…</translation>
    </message>
    <message>
        <source>no further details</source>
        <translation>没有更多详细信息</translation>
    </message>
</context>
<context>
    <name>TranscriptImages</name>
    <message>
        <source>Open in the image viewer</source>
        <translation>在图片查看器中打开</translation>
    </message>
    <message>
        <source>%1 (%2, ≈%3 tokens)</source>
        <translation>%1（%2，约 %3 Token）</translation>
    </message>
    <message>
        <source>link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Images: %1</source>
        <translation>图片：%1</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>The conversation: questions, thinking, answers and errors</source>
        <translation>对话：问题、思考过程、回答和错误</translation>
    </message>
    <message>
        <source>Add images, type a question and press %1. Answers stream in here.</source>
        <translation>添加图片，输入问题后按 %1。回答将在此处逐步显示。</translation>
    </message>
    <message>
        <source>Answer copied</source>
        <translation>已复制回答</translation>
    </message>
    <message>
        <source>Code copied</source>
        <translation>已复制代码</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Capture region</source>
        <translation>截取区域</translation>
    </message>
    <message>
        <source>Capture and extract text</source>
        <translation>截图并提取文字</translation>
    </message>
    <message>
        <source>Ask about clipboard</source>
        <translation>询问剪贴板内容</translation>
    </message>
    <message>
        <source>Watch clipboard</source>
        <translation>监视剪贴板</translation>
    </message>
    <message>
        <source>Show window</source>
        <translation>显示窗口</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Qwen-VL Desktop — watching the clipboard</source>
        <translation>Qwen-VL Desktop — 正在监视剪贴板</translation>
    </message>
</context>
<context>
    <name>TurnAction</name>
    <message>
        <source>Copy answer</source>
        <translation>复制回答</translation>
    </message>
    <message>
        <source>Edit and resend this question</source>
        <translation>编辑并重新发送此问题</translation>
    </message>
    <message>
        <source>Regenerate: ask again, keeping this answer</source>
        <translation>重新生成：保留此回答并再次提问</translation>
    </message>
    <message>
        <source>Continue this answer</source>
        <translation>继续生成此回答</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>上一个版本</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>下一个版本</translation>
    </message>
    <message>
        <source>%1 (%2 for the last question)</source>
        <translation>%1（最后一个问题：%2）</translation>
    </message>
    <message>
        <source>%1 (%2 for the last answer)</source>
        <translation>%1（最后一个回答：%2）</translation>
    </message>
</context>
<context>
    <name>TurnActionsTool</name>
    <message>
        <source>&amp;Edit last question</source>
        <translation>编辑上一个问题(&amp;E)</translation>
    </message>
    <message>
        <source>C&amp;ontinue stopped answer</source>
        <translation>继续已停止的回答(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Undo edit</source>
        <translation>撤销编辑(&amp;U)</translation>
    </message>
    <message>
        <source>A question can be edited once the answer has ended.</source>
        <translation>回答结束后才能编辑问题。</translation>
    </message>
    <message>
        <source>There is no edit to undo.</source>
        <translation>没有可撤销的编辑。</translation>
    </message>
    <message>
        <source>Only an answer that has ended can be regenerated, one at a time.</source>
        <translation>只能重新生成已结束的回答，且一次一个。</translation>
    </message>
    <message>
        <source>Only a stopped answer can be continued, one at a time.</source>
        <translation>只能继续已停止的回答，且一次一个。</translation>
    </message>
    <message>
        <source>The last answer was not stopped: there is nothing to continue.</source>
        <translation>上一个回答未被停止：没有可继续的内容。</translation>
    </message>
</context>
<context>
    <name>TurnNotice</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Put the dropped turns back (until the next question is sent)</source>
        <translation>恢复被丢弃的对话轮次（在发送下一个问题之前有效）</translation>
    </message>
    <message>
        <source>Undo edit</source>
        <translation>撤销编辑</translation>
    </message>
    <message>
        <source>Editing a question</source>
        <translation>正在编辑问题</translation>
    </message>
    <message>
        <source>Send replaces it: that turn and the turns after it are dropped</source>
        <translation>发送后将替换该问题：该轮及之后的对话将被丢弃</translation>
    </message>
    <message>
        <source>Cancel edit</source>
        <translation>取消编辑</translation>
    </message>
    <message>
        <source>Keep the conversation as it is; the next question is a new one</source>
        <translation>保持对话不变；下一个问题将作为新问题</translation>
    </message>
</context>
<context>
    <name>VideoCard</name>
    <message>
        <source>link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>%1 · %2 frames · %3 fps</source>
        <translation>%1 · %2 帧 · %3 fps</translation>
    </message>
    <message>
        <source>≈%1 tokens</source>
        <translation>约 %1 个 Token</translation>
    </message>
    <message>
        <source>%1 frames</source>
        <translation>%1 帧</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>读取中…</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Remove this video</source>
        <translation>删除此视频</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop extracting frames (the video is removed)</source>
        <translation>停止提取帧（视频将被移除）</translation>
    </message>
    <message>
        <source>Frames per second</source>
        <translation>每秒帧数</translation>
    </message>
    <message>
        <source>Frames per second taken from the clip (0.1 to 10): more frames see more, cost more tokens. The model reads this rate as time.</source>
        <translation>每秒从视频中提取的帧数（0.1～10）：帧越多，看到的细节越多，消耗的 Token 也越多。模型会据此理解时间。</translation>
    </message>
    <message>
        <source>Extracting frames…</source>
        <translation>正在提取帧…</translation>
    </message>
    <message>
        <source>Extracting frames… %p%</source>
        <translation>正在提取帧… %p%</translation>
    </message>
    <message>
        <source>Reading the video…</source>
        <translation>正在读取视频…</translation>
    </message>
    <message>
        <source>Link: the service downloads the video and samples it</source>
        <translation>链接：由服务端下载视频并抽帧</translation>
    </message>
    <message>
        <source>link · %1 fps</source>
        <translation>链接 · %1 fps</translation>
    </message>
    <message>
        <source>The frames sent with the question before</source>
        <translation>之前随问题发送的帧</translation>
    </message>
    <message>
        <source>The frames sent with the question before. Add the file again to choose another fps.</source>
        <translation>这些是之前随问题发送的帧。如需选择其他 fps，请重新添加该文件。</translation>
    </message>
    <message>
        <source>Not attached: remove it or try another file</source>
        <translation>未附加：请删除或换一个文件</translation>
    </message>
    <message>
        <source>Cancelled: nothing of it is sent. Choose an fps to extract again.</source>
        <translation>已取消：该视频不会发送。选择 fps 可重新提取。</translation>
    </message>
    <message>
        <source>Not attached</source>
        <translation>未附加</translation>
    </message>
</context>
<context>
    <name>VideoIntake</name>
    <message>
        <source>the pasted animation</source>
        <translation>粘贴的动画</translation>
    </message>
    <message>
        <source>%1: could not be read (%2)</source>
        <translation>%1：无法读取（%2）</translation>
    </message>
    <message>
        <source>The video cannot be used.</source>
        <translation>无法使用此视频。</translation>
    </message>
</context>
<context>
    <name>VideoLinks</name>
    <message>
        <source>Show the frame sent nearest this time</source>
        <translation>显示最接近此时间的已发送帧</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>Welcome to Qwen-VL Desktop</source>
        <translation>欢迎使用 Qwen-VL Desktop</translation>
    </message>
    <message>
        <source>This region needs its own API key</source>
        <translation>此地域需要单独的 API Key</translation>
    </message>
    <message>
        <source>What is on this table? Read me the receipt&apos;s total.</source>
        <translation>这张桌子上有什么？请告诉我收据上的合计金额。</translation>
    </message>
    <message>
        <source>Ask Alibaba Cloud&apos;s Qwen vision-language models about images: drop or paste a picture, type a question, press %1, and the answer streams in here. First, a Model Studio API key:</source>
        <translation>向阿里云通义千问视觉语言模型询问图片内容：拖入或粘贴图片，输入问题，按 %1，回答就会实时显示在这里。首先，需要一个百炼（Model Studio）API Key：</translation>
    </message>
    <message>
        <source>Try a sample picture</source>
        <translation>试用示例图片</translation>
    </message>
    <message>
        <source>Adds a picture (a café table with a receipt) and a question to ask about it; they are sent as soon as the key is in.</source>
        <translation>添加一张图片（放着收据的咖啡馆餐桌）及相关问题；输入 API Key 后立即发送。</translation>
    </message>
    <message>
        <source>The region whose console made your key</source>
        <translation>创建该 API Key 的控制台所在地域</translation>
    </message>
    <message>
        <source>The region of your key:</source>
        <translation>API Key 所属地域：</translation>
    </message>
    <message>
        <source>Paste the API key (sk-…)</source>
        <translation>粘贴 API Key (sk-…)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Save and check</source>
        <translation>保存并验证</translation>
    </message>
    <message>
        <source>Find its region (sends the key to them)</source>
        <translation>查找所属地域（会将 API Key 发送到各地域）</translation>
    </message>
    <message>
        <source>Set by the system configuration</source>
        <translation>由系统配置设定</translation>
    </message>
    <message>
        <source>Your own endpoint</source>
        <translation>自定义接入地址</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Tries %1.</source>
        <translation>将尝试：%1。</translation>
    </message>
    <message>
        <source>Requests go to your own endpoint, %1: paste the key it expects. Choose a region above to use Model Studio&apos;s endpoints instead.</source>
        <translation>请求将发送到自定义接入地址 %1：请粘贴该地址所需的 API Key。如需使用百炼的接入地址，请在上方选择地域。</translation>
    </message>
    <message>
        <source>(none set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>Create one on the %1%2 API key page%3 of the Model Studio console. A key works only in the region whose console made it (a Beijing key is refused in Singapore).</source>
        <translation>请在百炼控制台的%1%2 API Key 页面%3创建。API Key 仅在创建它的控制台所在地域有效（北京的 API Key 在新加坡会被拒绝）。</translation>
    </message>
</context>
</TS>
