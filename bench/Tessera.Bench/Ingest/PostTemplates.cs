namespace Tessera.Bench.Ingest;

/// <summary>The wording of generated posts per language: templates with slots, regions, currencies, places and platform names.</summary>
/// <remarks>
/// Slots: {phone} a contact number, {tg} a Telegram mention or link, {at} a bare @name, {link} a profile or web link,
/// {iban}, {wallet}, {email}, {price}, {place}/{place2}, and the distractors {date}, {time}, {count}, {boat}, {doc}.
/// </remarks>
internal static class PostTemplates
{
    public static readonly Dictionary<string, string[]> For = new(StringComparer.Ordinal)
    {
        ["ar"] =
        [
            "رحلة من {place} إلى {place2} يوم {date} الساعة {time}، السعر {price} للشخص. للتواصل واتساب {phone} أو {tg}",
            "🚤 طلعة جديدة من {place} قارب {boat} العدد {count} شخص فقط. الحجز على الرقم {phone} فايبر وواتساب",
            "مطلوب ركاب لرحلة {place} - {place2}، الدفع {price} عبر {wallet} (USDT TRC20). رقمي {phone}",
            "للتواصل: {phone} / {phone} ... الانطلاق من {place} بتاريخ {date}. التحويل إلى IBAN {iban}",
            "تهريب آمن إلى أوروبا عبر {place} 🇪🇺 السعر {price} نصف المبلغ مقدماً. تلفون {phone} ايميل {email}",
            "مهرب موثوق {tg} الرحلة {date} من {place}، {count} راكب، جواز السفر مطلوب ({doc}). اتصل {phone}",
            "قناتنا {link} الأسعار: {price} من {place} و {price} من {place2}. واتس {phone}",
            "اتصل بالرقم {phone} للحجز، سفينة {doc}، الانطلاق من {place} الساعة {time}",
        ],
        ["en"] =
        [
            "Safe trip from {place} to {place2}, boat {boat}, leaving {date}. Price {price}, pay by IBAN {iban} or USDT {wallet}. Call/WhatsApp {phone}",
            "Game from {place} this week, {count} places left. Price {price}. Contact {phone} or {tg}",
            "New route {place} -> {place2} on {date} at {time}. Write to {email} or WhatsApp {phone}. More on {link}",
            "Taxi from {place} to {place2} every night, {price} per person, call {phone} (Viber) or {phone}",
            "Documents ready in 3 days ({doc}), {price}. {tg} / phone {phone}, DM {at}",
            "Crossing to {place} with a big boat {boat}, {count} people max, departure {date}. Booking {phone}. Pay to {wallet}",
            "Reliable captain, {place} to {place2}, {price}. Transfer to {iban}, then send the receipt to {phone}",
            "Follow us {link} for daily trips from {place}. Contact: {phone}, {email}",
        ],
        ["fr"] =
        [
            "Passage {place} → {place2}, départ le {date} à {time}, prix {price}. Contact WhatsApp {phone}, {tg}",
            "Bateau de {boat} depuis {place}, {count} places. Tarif {price}. Appelez le {phone}",
            "Voyage sûr vers l'Europe par {place}, paiement {price} par virement {iban} ou en USDT {wallet}. Tél {phone}",
            "Harraga {place} - {place2} ce week-end, réservation au {phone} ou par mail {email}",
            "Nouveau passeur à {place}, départ {date}, {price} tout compris. Infos sur {link} ou au {phone}",
            "Papiers prêts ({doc}) pour {price}. Numéro {phone}, écrivez à {at}",
            "Départ de {place} le {date}, {count} personnes, prix {price}. WhatsApp {phone} / Viber {phone}",
        ],
        ["tr"] =
        [
            "{place} çıkışlı bot, {date} gece {time}. Fiyat {price}. İletişim: {phone} WhatsApp. {tg}",
            "{place} - {place2} arası güvenli geçiş, {count} kişilik yer var, {price}. Ara: {phone}",
            "Yunanistan'a bot {boat}, {place} çıkış. Ödeme {iban} IBAN veya USDT {wallet}. Tel {phone}",
            "Kaçak yol {place} üzerinden, {price}, bilgi için {phone} numarasını arayın veya {email}",
            "Bot hazır, {date} {place}'dan çıkış. {phone}'dan ulaşın, {tg} veya {at}",
            "Pasaport işleri ({doc}), ücret {price}. WhatsApp {phone}, sayfamız {link}",
            "{place} {place2} yolu açık, {count} kişi, {price}. Telefon {phone} / {phone}",
        ],
        ["ps"] =
        [
            "اروپا ته سفر له {place} څخه، بیه {price}. د اړیکې شمېره {phone} واټساپ. {tg}",
            "کښتۍ {boat} له {place} څخه {date} نېټه، {count} کسان. زنګ ووهئ {phone}",
            "لاره د {place} له لارې، پیسې {price} د {wallet} له لارې. شمېره {phone}",
            "د {place} او {place2} لاره خلاصه ده، {price}. واټساپ {phone} یا {email}",
            "قاچاق وړونکی {tg} سفر {date} د {place} څخه. تماس {phone}",
            "پاسپورټ ({doc}) تیار دی، {price}. شمېره {phone}، {link}",
        ],
        ["prs"] =
        [
            "سفر به اروپا از طریق {place}، قیمت {price}. شماره تماس {phone} واتساپ. {tg}",
            "قایق {boat} از {place} به {place2} تاریخ {date} ساعت {time}، {count} نفر. تماس {phone}",
            "راه {place} باز است، پول {price} به حساب {iban} یا تتر {wallet}. شماره {phone}",
            "قاچاقبر مطمئن، {place} تا {place2}، {price}. واتساپ {phone} و ایمیل {email}",
            "برای رزرو به شماره {phone} زنگ بزنید یا {tg}. حرکت {date} از {place}",
            "پاسپورت ({doc}) آماده، قیمت {price}. تلفن {phone}، صفحه ما {link}",
        ],
        ["mixed"] =
        [
            "رحلة {place} → {place2} 🚤 price {price}, WhatsApp {phone} تلغرام {tg}",
            "Bot {place} çıkış, السعر {price}, tel {phone} / {phone}",
            "Passage {place} ce soir, السعر {price}, واتساب {phone}, IBAN {iban}",
            "سفر از {place} to {place2} on {date}, {price}, call {phone}, USDT {wallet}",
            "📞 {phone} 📞 {place} → {place2} {price} {link}",
            "Contact {at} ou {phone}, départ {place} {date} {time}, {count} kişi",
        ],
    };

    public static readonly Dictionary<string, string[]> Regions = new(StringComparer.Ordinal)
    {
        ["ar"] = ["LY", "TN", "DZ", "MA", "EG", "SY", "IQ", "TR"],
        ["en"] = ["GR", "IT", "TR", "LY", "GB"],
        ["fr"] = ["TN", "DZ", "MA", "FR"],
        ["tr"] = ["TR"],
        ["ps"] = ["AF", "IR", "TR", "PK"],
        ["prs"] = ["AF", "IR", "TR"],
        ["mixed"] = ["TR", "LY", "TN", "GR", "AF"],
    };

    // Numbers of other countries that posts give besides the local one (a broker abroad, a partner on the other shore).
    public static readonly Dictionary<string, string[]> PhoneRegions = new(StringComparer.Ordinal)
    {
        ["ar"] = ["LY", "TN", "TR", "EG", "IT", "DE", "SY"],
        ["en"] = ["TR", "GR", "LY", "IT", "GB", "DE"],
        ["fr"] = ["TN", "DZ", "MA", "FR", "IT", "BE"],
        ["tr"] = ["TR", "GR", "IR", "DE"],
        ["ps"] = ["AF", "IR", "TR", "PK", "DE"],
        ["prs"] = ["AF", "IR", "TR", "RS", "DE"],
        ["mixed"] = ["TR", "LY", "TN", "GR", "AF", "IT"],
    };

    public static readonly Dictionary<string, string[]> TelegramWords = new(StringComparer.Ordinal)
    {
        ["ar"] = ["تلغرام", "تيليجرام", "تلجرام", "Telegram"],
        ["en"] = ["Telegram", "TG", "telegram:"],
        ["fr"] = ["Telegram", "Telegram :"],
        ["tr"] = ["Telegram:", "Telegram", "telegram"],
        ["ps"] = ["ټېلېګرام", "تلگرام", "Telegram"],
        ["prs"] = ["تلگرام", "تلگرام:", "Telegram"],
        ["mixed"] = ["Telegram", "تلغرام", "تلگرام"],
    };

    private static readonly (string, string)[] Euro = [("N€", "EUR"), ("€N", "EUR"), ("N euros", "EUR"), ("N EUR", "EUR"), ("N $", "USD"), ("$N", "USD"), ("N USD", "USD")];

    public static readonly Dictionary<string, (string Format, string Currency)[]> PriceForms = new(StringComparer.Ordinal)
    {
        ["ar"] = [("N يورو", "EUR"), ("N دولار", "USD"), ("N€", "EUR"), ("N $", "USD")],
        ["en"] = Euro,
        ["fr"] = [("N €", "EUR"), ("N euros", "EUR"), ("N€", "EUR"), ("N dollars", "USD")],
        ["tr"] = [("N Euro", "EUR"), ("N €", "EUR"), ("N dolar", "USD"), ("N$", "USD")],
        ["ps"] = [("N یورو", "EUR"), ("N ډالر", "USD"), ("N $", "USD"), ("N€", "EUR")],
        ["prs"] = [("N یورو", "EUR"), ("N دالر", "USD"), ("N $", "USD"), ("N€", "EUR")],
        ["mixed"] = [("N€", "EUR"), ("N يورو", "EUR"), ("N $", "USD"), ("N دولار", "USD")],
    };

    private static readonly (string, string)[] LatinPlaces =
    [
        ("Zuwara", "Zuwara"), ("Sabratha", "Sabratha"), ("Sfax", "Sfax"), ("Lampedusa", "Lampedusa"), ("Izmir", "Izmir"),
        ("Ayvalık", "Ayvalik"), ("Lesvos", "Lesbos"), ("Samos", "Samos"), ("Chios", "Chios"), ("Bodrum", "Bodrum"),
        ("Kos", "Kos"), ("Edirne", "Edirne"), ("Evros", "Evros"), ("Calais", "Calais"), ("Dunkerque", "Dunkirk"),
        ("Tripoli", "Tripoli"), ("Benghazi", "Benghazi"), ("Crete", "Crete"), ("Nador", "Nador"), ("Tanger", "Tangier"),
        ("Oran", "Oran"), ("Annaba", "Annaba"), ("Bihac", "Bihac"), ("Istanbul", "Istanbul"), ("Çeşme", "Cesme"),
    ];

    private static readonly (string, string)[] ArabicPlaces =
    [
        ("زوارة", "Zuwara"), ("صبراتة", "Sabratha"), ("طرابلس", "Tripoli"), ("بنغازي", "Benghazi"), ("طبرق", "Tobruk"),
        ("صفاقس", "Sfax"), ("جرجيس", "Zarzis"), ("المهدية", "Mahdia"), ("لامبيدوزا", "Lampedusa"), ("صقلية", "Sicily"),
        ("إزمير", "Izmir"), ("ادرنه", "Edirne"), ("ليسبوس", "Lesbos"), ("كريت", "Crete"), ("وهران", "Oran"),
        ("عنابة", "Annaba"), ("الناظور", "Nador"), ("طنجة", "Tangier"), ("مالطا", "Malta"), ("اسطنبول", "Istanbul"),
    ];

    private static readonly (string, string)[] PersianPlaces =
    [
        ("ازمیر", "Izmir"), ("استانبول", "Istanbul"), ("ادرنه", "Edirne"), ("Evros", "Evros"),
        ("Lesvos", "Lesbos"), ("Izmir", "Izmir"), ("Bihac", "Bihac"), ("Belgrade", "Belgrade"), ("Subotica", "Subotica"),
        ("Edirne", "Edirne"), ("Calais", "Calais"),
    ];

    public static readonly Dictionary<string, (string Written, string Name)[]> Places = new(StringComparer.Ordinal)
    {
        ["ar"] = ArabicPlaces,
        ["en"] = LatinPlaces,
        ["fr"] = LatinPlaces,
        ["tr"] = LatinPlaces,
        ["ps"] = PersianPlaces,
        ["prs"] = PersianPlaces,
        ["mixed"] = [.. LatinPlaces, .. ArabicPlaces],
    };
}
