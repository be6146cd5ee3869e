namespace Tessera.Bench.Matching;

/// <summary>How a writer spells a name: the romanisation habit of an authority, or another script.</summary>
internal enum Habit
{
    English,
    French,
    Turkish,
    German,
    Italian,
    Greek,
    Arabic,
}

/// <summary>One name with its spellings per habit (alternatives separated by '/'); a missing habit falls back to English.</summary>
internal sealed record FieldName(string Key, Dictionary<Habit, string[]> Spellings)
{
    public string Spell(Habit habit, Random rng)
    {
        var forms = Spellings.TryGetValue(habit, out var f) ? f : Spellings[Habit.English];
        return forms[rng.Next(forms.Length)];
    }

    /// <summary>Parses "key|English|French|Turkish|German|Italian|Greek|Arabic"; an empty cell means "as in English".</summary>
    public static FieldName Parse(string line)
    {
        var cells = line.Split('|');
        var spellings = new Dictionary<Habit, string[]>();
        for (var h = 1; h < cells.Length; h++)
        {
            if (cells[h].Length > 0)
            {
                spellings[(Habit)(h - 1)] = cells[h].Split('/');
            }
        }

        return new FieldName(cells[0], spellings);
    }
}

/// <summary>Name pools of the field generator, written by hand after the spellings border and police records show
/// (English, French/Maghreb, Turkish, German, Italian transcriptions, Greek and Arabic script). Ordered by frequency:
/// the generator draws them from a Zipf-like distribution, so the first ones are the common names.</summary>
internal static class FieldNames
{
    public static readonly FieldName[] ArabicMale = Parse(
    [
        "mohammed|Mohammed/Mohammad/Muhammad|Mohamed/Mohammed|Muhammed/Mehmet|Mohammed/Muhammad|Mohamed/Mohammed|Μοχάμεντ|محمد",
        "ahmed|Ahmed/Ahmad|Ahmed/Hmed|Ahmet|Ahmed/Achmed|Ahmed|Αχμέτ|أحمد",
        "ali|Ali|Ali|Ali|Ali|Ali|Αλί|علي",
        "omar|Omar|Oumar/Omar|Ömer|Omar|Omar|Ομάρ|عمر",
        "mustafa|Mustapha/Mostafa/Mustafa|Moustapha/Mostafa|Mustafa|Mustafa|Mustafa|Μουσταφά|مصطفى",
        "hassan|Hassan|Hassan/Hacen|Hasan|Hassan|Hassan|Χασάν|حسن",
        "khalil|Khalil|Khelil/Khalil|Halil|Chalil/Khalil|Khalil|Χαλίλ|خليل",
        "ibrahim|Ibrahim|Brahim/Ibrahim|İbrahim|Ibrahim|Ibrahim|Ιμπραήμ|إبراهيم",
        "hussein|Hussein/Hussain|Houssein/Hocine|Hüseyin|Hussein|Hussein|Χουσεΐν|حسين",
        "youssef|Yousef/Yusuf|Youssef|Yusuf|Jussuf/Yusuf|Youssef|Γιουσέφ|يوسف",
        "khaled|Khaled/Khalid|Khaled|Halit|Chaled/Khaled|Khaled|Χαλέντ|خالد",
        "abdullah|Abdullah|Abdallah|Abdullah|Abdullah|Abdallah|Αμπντουλάχ|عبدالله",
        "mahmoud|Mahmoud/Mahmood|Mahmoud|Mahmut|Mahmud|Mahmoud|Μαχμούντ|محمود",
        "rashid|Rasheed/Rashid|Rachid|Raşit/Reşit|Raschid|Rashid|Ρασίντ|رشيد",
        "jaber|Jaber/Jabir|Djaber|Cabir|Dschaber/Jaber|Giaber/Jaber|Τζάμπερ|جابر",
        "said|Saeed/Said|Saïd|Sait|Said|Said|Σαΐντ|سعيد",
        "karim|Karim/Kareem|Karim|Kerim|Karim|Karim|Καρίμ|كريم",
        "tarek|Tariq/Tarek|Tarek|Tarık|Tarek|Tarek|Ταρέκ|طارق",
        "walid|Waleed/Walid|Oualid/Walid|Velit|Walid|Walid|Ουαλίντ|وليد",
        "samir|Sameer/Samir|Samir|Semir|Samir|Samir|Σαμίρ|سمير",
        "bilal|Bilal|Bilel/Bilal|Bilal|Bilal|Bilal|Μπιλάλ|بلال",
        "hamza|Hamza/Hamzah|Hamza|Hamza|Hamsa/Hamza|Hamza|Χάμζα|حمزة",
        "yassin|Yaseen/Yassin|Yacine/Yassine|Yasin|Jassin|Yassin|Γιασίν|ياسين",
        "adel|Adel/Adil|Adel|Adil|Adel|Adel|Αντέλ|عادل",
        "jamal|Jamal|Djamel/Jamel|Cemal|Dschamal/Jamal|Giamal/Jamal|Τζαμάλ|جمال",
        "faisal|Faisal/Faysal|Fayçal/Faycal|Faysal|Faisal|Faisal|Φαϊζάλ|فيصل",
        "suleiman|Sulaiman/Suleiman|Slimane/Souleymane|Süleyman|Suleiman|Suleiman|Σουλεϊμάν|سليمان",
        "othman|Othman/Uthman|Othmane/Osman|Osman|Osman|Othman|Οσμάν|عثمان",
        "nabil|Nabeel/Nabil|Nabil|Nebil|Nabil|Nabil|Ναμπίλ|نبيل",
        "anas|Anas|Anas|Enes|Anas|Anas|Ανάς|أنس",
        "ismail|Ismail|Smail/Ismaïl|İsmail|Ismail|Ismail|Ισμαήλ|إسماعيل",
        "idris|Idris/Idrees|Driss/Idriss|İdris|Idris|Idris|Ιντρίς|إدريس",
        "ayman|Ayman|Aymen|Eymen|Aiman|Ayman|Αϊμάν|أيمن",
        "majid|Majid/Majeed|Madjid|Mecit|Madschid/Majid|Magid|Ματζίντ|ماجد",
        "hamid|Hamid/Hameed|Hamid|Hamit|Hamid|Hamid|Χαμίντ|حميد",
    ]);

    public static readonly FieldName[] ArabicFemale = Parse(
    [
        "fatima|Fatima/Fatimah|Fatma/Fatima|Fatma|Fatima|Fatima|Φατίμα|فاطمة",
        "aisha|Aisha/Aysha|Aïcha/Aicha|Ayşe|Aischa|Aisha|Αΐσα|عائشة",
        "maryam|Maryam/Mariam|Meriem/Mariam|Meryem|Mariam|Mariam|Μαριάμ|مريم",
        "zainab|Zainab/Zaynab|Zineb|Zeynep|Sainab/Zainab|Zainab|Ζαϊνάμπ|زينب",
        "amina|Amina/Aminah|Amina|Emine|Amina|Amina|Αμίνα|أمينة",
        "khadija|Khadija/Khadijah|Khadidja/Khadija|Hatice|Chadidscha/Khadija|Khadija|Χαντίτζα|خديجة",
        "layla|Layla/Laila|Leila|Leyla|Laila|Leila|Λέιλα|ليلى",
        "rania|Rania|Rania|Rania|Rania|Rania|Ράνια|رانيا",
        "salma|Salma|Selma|Selma|Salma|Salma|Σάλμα|سلمى",
        "huda|Huda/Hoda|Houda|Hüda|Huda|Huda|Χούντα|هدى",
        "yasmin|Yasmin/Yasmeen|Yasmine|Yasemin|Jasmin|Yasmin|Γιασμίν|ياسمين",
        "nour|Noor/Nour|Nour|Nur|Nur|Nour|Νουρ|نور",
    ]);

    public static readonly FieldName[] ArabicFamily = Parse(
    [
        "ali|Ali|Ali|Ali|Ali|Ali|Αλί|علي",
        "hassan|Hassan|Hassan|Hasan|Hassan|Hassan|Χασάν|حسن",
        "ahmed|Ahmed|Ahmed|Ahmet|Ahmed|Ahmed|Αχμέτ|أحمد",
        "hussein|Hussein|Houssein|Hüseyin|Hussein|Hussein|Χουσεΐν|حسين",
        "najjar|Najjar/Al-Najjar|Nejjar/Naddjar|Neccar|Nadschar/Najjar|Naggiar/Najjar|Νατζάρ|النجار",
        "haddad|Haddad|Haddad|Haddat|Haddad|Haddad|Χαντάντ|حداد",
        "khatib|Khatib/Al-Khatib|El Khatib/Khatib|Hatip|Chatib|Khatib|Χατίμπ|الخطيب",
        "hamdan|Hamdan|Hamdane|Hamdan|Hamdan|Hamdan|Χαμντάν|حمدان",
        "saleh|Saleh/Salih|Salah/Saleh|Salih|Saleh|Saleh|Σάλεχ|صالح",
        "mansour|Mansour/Mansur|Mansour|Mansur|Mansur|Mansour|Μανσούρ|منصور",
        "darwish|Darwish|Derouiche/Darwich|Derviş|Darwisch|Darwish|Νταρουίς|درويش",
        "qasim|Qasim/Kassem|Kacem/Kassem|Kasım|Kassem|Qasim|Κασέμ|قاسم",
        "jabri|Jabri/Al-Jabri|Djabri|Cabri|Dschabri|Jabri|Τζάμπρι|الجابري",
        "shami|Shami/Al-Shami|Chami|Şami|Schami|Shami|Σάμι|الشامي",
        "halabi|Halabi/Al-Halabi|Halabi|Halebi|Halabi|Halabi|Χαλάμπι|الحلبي",
        "masri|Masri/Al-Masri|El Masri/Masri|Mısri|Masri|Masri|Μάσρι|المصري",
        "tamimi|Tamimi/Al-Tamimi|Tamimi|Temimi|Tamimi|Tamimi|Ταμίμι|التميمي",
        "obeid|Obeid/Ubaid|Obeid|Ubeyd|Obeid|Obeid|Ομπέιντ|عبيد",
        "sabbagh|Sabbagh|Sabbagh/Sebbagh|Sabbağ|Sabbagh|Sabbagh|Σαμπάγκ|صباغ",
        "attar|Attar/Al-Attar|Attar|Attar|Attar|Attar|Αττάρ|العطار",
        "kurdi|Kurdi/Al-Kurdi|Kurdi|Kürdi|Kurdi|Kurdi|Κούρντι|الكردي",
        "zoubi|Zoubi/Al-Zoubi|Zoubi|Zubi|Zoubi|Zoubi|Ζούμπι|الزعبي",
        "abbas|Abbas|Abbes/Abbas|Abbas|Abbas|Abbas|Αμπάς|عباس",
        "bakri|Bakri/Al-Bakri|Bekri|Bekri|Bakri|Bakri|Μπάκρι|البكري",
        "azzam|Azzam|Azzam|Azzam|Asam/Azzam|Azzam|Αζάμ|عزام",
        "farouk|Farouk/Faruq|Farouk|Faruk|Faruk|Farouk|Φαρούκ|فاروق",
        "hijazi|Hijazi/Hejazi|Hidjazi|Hicazi|Hidschasi|Higiazi|Χιτζάζι|حجازي",
        "rifai|Rifai/Al-Rifai|Rifaï|Rıfai|Rifai|Rifai|Ριφάι|الرفاعي",
        "suleiman|Suleiman/Sulaiman|Slimane|Süleyman|Suleiman|Suleiman|Σουλεϊμάν|سليمان",
        "ghanem|Ghanem/Ghanim|Ghanem|Ganim|Ghanem|Ghanem|Γανέμ|غانم",
    ]);

    public static readonly FieldName[] EritreanMale = Parse(
    [
        "yohannes|Yohannes/Yohanes|Yohannes|Yohannes|Johannes/Yohannes|Yohannes|Γιοχάνες|",
        "tesfay|Tesfay/Tesfai|Tesfaye|Tesfay|Tesfai|Tesfai|Τεσφάι|",
        "berhane|Berhane|Berhane|Berhane|Berhane|Berhane|Μπερχάνε|",
        "tekle|Tekle/Teklay|Teclé|Tekle|Tekle|Tecle|Τέκλε|",
        "goitom|Goitom/Goytom|Goitom|Goytom|Goitom|Goitom|Γκοϊτόμ|",
        "haile|Haile/Hayle|Hailé|Hayle|Haile|Haile|Χαϊλέ|",
        "mehari|Mehari/Mehary|Méhari|Mehari|Mehari|Mehari|Μεχάρι|",
        "filmon|Filmon/Philemon|Filmon|Filmon|Filmon|Filmon|Φιλμόν|",
        "yonas|Yonas/Jonas|Yonas|Yonas|Jonas|Yonas|Γιόνας|",
        "dawit|Dawit/Dawitt|Dawit|Davit|Dawit|Dawit|Νταουίτ|",
        "kibrom|Kibrom/Kbrom|Kibrom|Kibrom|Kibrom|Kibrom|Κιμπρόμ|",
        "habtom|Habtom|Habtom|Habtom|Habtom|Habtom|Χαμπτόμ|",
        "amanuel|Amanuel/Emmanuel|Amanuel|Amanuel|Amanuel|Amanuel|Αμανουέλ|",
        "yemane|Yemane/Yemani|Yémané|Yemane|Jemane|Yemane|Γιεμάνε|",
        "mussie|Mussie/Musie|Moussié|Musie|Mussie|Mussie|Μούσιε|",
        "negassi|Negassi/Negasi|Négassi|Negasi|Negassi|Negassi|Νεγκάσι|",
        "tewelde|Tewelde/Tewolde|Téwelde|Tevelde|Tewelde|Tewelde|Τεουέλντε|",
        "ermias|Ermias/Ermiyas|Ermias|Ermiyas|Ermias|Ermias|Ερμίας|",
        "habte|Habte/Habtay|Habté|Habte|Habte|Habte|Χάμπτε|",
        "weldu|Weldu/Woldu|Weldou|Veldu|Weldu|Weldu|Ουέλντου|",
    ]);

    public static readonly FieldName[] AfghanMale = Parse(
    [
        "ahmad|Ahmad|Ahmad|Ahmet|Ahmad|Ahmad|Αχμάντ|احمد",
        "gul|Gul|Goul|Gül|Gul|Gul|Γκουλ|گل",
        "rahim|Rahim/Raheem|Rahim|Rahim|Rahim|Rahim|Ραχίμ|رحیم",
        "wali|Wali/Vali|Wali|Veli|Wali|Wali|Ουαλί|ولی",
        "jawad|Jawad/Javad|Djawad|Cevat|Dschawad|Giawad|Τζαβάντ|جواد",
        "farid|Farid/Fareed|Farid|Ferit|Farid|Farid|Φαρίντ|فرید",
        "zabihullah|Zabihullah/Zabiullah|Zabihoullah|Zabihullah|Sabihullah|Zabihullah|Ζαμπιχουλάχ|ذبیح الله",
    ]);

    public static readonly FieldName[] AfghanFamily = Parse(
    [
        "noorzai|Noorzai/Nurzai|Nourzai|Nurzay|Nursai|Noorzai|Νουρζάι|نورزی",
        "popal|Popal|Popal|Popal|Popal|Popal|Ποπάλ|پوپل",
        "ahmadzai|Ahmadzai|Ahmadzaï|Ahmetzay|Ahmadsai|Ahmadzai|Αχμαντζάι|احمدزی",
        "safi|Safi|Safi|Safi|Safi|Safi|Σάφι|صافی",
        "rahimi|Rahimi|Rahimi|Rahimi|Rahimi|Rahimi|Ραχίμι|رحیمی",
        "hashimi|Hashimi/Hashemi|Hachimi|Haşimi|Haschimi|Hashimi|Χασίμι|هاشمی",
    ]);

    /// <summary>Family names: the table above, then nisbas formed from the given names (Omari, Khalili, Rashidi …), each
    /// spelt by the habit of its given name with the relative suffix (-i, Greek -ι, Arabic ـي).</summary>
    public static readonly FieldName[] ArabicFamilies = [.. ArabicFamily, .. ArabicMale.Skip(3).Select(Nisba)];

    /// <summary>Eritreans carry their father's given name as a family name.</summary>
    public static readonly FieldName[] EritreanFamily = EritreanMale;

    private static FieldName Nisba(FieldName given) => new(given.Key + "i", given.Spellings.ToDictionary(
        kv => kv.Key,
        kv => kv.Value.Select(v => kv.Key switch
        {
            Habit.Greek => v + "ι",
            Habit.Arabic => v + "ي",
            _ => (v.EndsWith('a') || v.EndsWith('e') ? v[..^1] : v) + "i",
        }).ToArray()));

    private static FieldName[] Parse(string[] lines) => [.. lines.Select(FieldName.Parse)];
}
