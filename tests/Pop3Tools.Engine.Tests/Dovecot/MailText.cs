namespace Pop3Tools.Engine.Tests.Dovecot;

/// <summary>
/// Word and sentence pools for generated mail. The Japanese text keeps to JIS X 0208
/// (no half-width katakana, no wave dash) so it round-trips through ISO-2022-JP and Shift_JIS.
/// </summary>
internal static class MailText
{
    public static readonly string[] JapaneseSentences =
    {
        "お世話になっております。",
        "来週の打ち合わせの日程についてご連絡いたします。",
        "添付の資料をご確認ください。",
        "請求書を送付いたしますので、ご査収のほどよろしくお願いいたします。",
        "会議室の予約を変更しました。",
        "本日の作業報告を以下にまとめます。",
        "ご不明な点がございましたら、お気軽にお問い合わせください。",
        "新しいサーバーの移行作業は金曜日の夜に実施します。",
        "東京は朝から雨が降っています。",
        "プロジェクトの進捗状況を共有します。",
        "今後ともどうぞよろしくお願い申し上げます。",
        "メールボックスの容量が上限に近づいています。",
        "受信したメッセージを整理してください。",
        "春の社内研修のご案内です。",
    };

    public static readonly string[] JapaneseSubjects =
    {
        "会議のお知らせ",
        "【重要】パスワード変更のお願い",
        "請求書送付のご案内（三月分）",
        "打ち合わせの件",
        "週報：第十二週",
        "サーバー移行の日程について",
        "ご注文ありがとうございます",
        "新年のご挨拶",
        "出張報告書の提出について",
        "システムメンテナンスのお知らせ",
        "来期の予算案と人員計画に関するご相談および資料送付のお願い",
    };

    public static readonly string[] EnglishWords =
    {
        "mailbox", "server", "message", "report", "quarterly", "invoice", "meeting", "schedule",
        "migration", "backup", "the", "a", "of", "and", "to", "with", "for", "on", "please",
        "review", "attached", "document", "project", "status", "update", "weekly", "team",
        "customer", "order", "shipment", "delivered", "pending", "approval", "budget", "plan",
        "network", "maintenance", "window", "tonight", "tomorrow", "morning", "deadline",
        "contract", "renewal", "password", "expires", "security", "notice", "agenda", "minutes",
    };

    public static readonly string[] EnglishSubjects =
    {
        "Quarterly report for the northern region",
        "Invoice 2024-0315 is ready",
        "Meeting moved to Thursday",
        "Your order has shipped",
        "Weekly status update",
        "Maintenance window tonight from 22:00 to 23:30 UTC, expect short outages of the mail service",
    };

    public static readonly string[] AccentedSubjects =
    {
        "Café au lait à volonté",
        "Résumé du réunion: équipe Zürich",
        "Crème brûlée für alle",
    };

    /// <summary>Display names; the Japanese ones are always sent encoded.</summary>
    public static readonly (string Display, string Address)[] Senders =
    {
        ("Bob Smith", "bob.smith@example.org"),
        ("Doe, Jane", "jane.doe@example.com"),
        ("田中 太郎", "tanaka@example.jp"),
        ("佐藤 花子", "sato.hanako@example.jp"),
        ("鈴木 一郎", "suzuki@example.co.jp"),
        ("Carol O'Neil", "carol@example.net"),
        ("", "noreply@example.net"),
        ("Jürgen Müller", "juergen@example.de"),
    };
}
