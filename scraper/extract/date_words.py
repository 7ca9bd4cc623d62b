"""Date vocabulary: month names and relative-time words per language, zone abbreviations, and
where pages state dates (meta names, date-line classes). Data only.

Keys are lowercased; abbreviations are listed without their trailing dot (the parser drops it).
"""

from __future__ import annotations

_MONTHS_BY_LANGUAGE = {
    "en": "january february march april may june july august september october november december",
    "en_abbr": "jan feb mar apr may jun jul aug sep oct nov dec",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "de_abbr": "jan feb mär apr mai jun jul aug sep okt nov dez",
    "de_at": "jänner feber märz april mai juni juli august september oktober november dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "fr_abbr": "janv févr mars avr mai juin juil août sept oct nov déc",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "es_abbr": "ene feb mar abr may jun jul ago sep oct nov dic",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "da": "januar februar marts april maj juni juli august september oktober november december",
    "no": "januar februar mars april mai juni juli august september oktober november desember",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    "pl_nom": "styczeń luty marzec kwiecień maj czerwiec lipiec sierpień wrzesień październik listopad grudzień",
    "tr": "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
    "id": "januari februari maret april mei juni juli agustus september oktober november desember",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "fi": "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta "
          "syyskuuta lokakuuta marraskuuta joulukuuta",
    "cs": "ledna února března dubna května června července srpna září října listopadu prosince",
    "hu": "január február március április május június július augusztus szeptember október november december",
    "ro": "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",
}

# "may" / "mar" mean the same month in every language that has them, so one flat table is safe.
MONTHS: dict[str, int] = {}
for _names in _MONTHS_BY_LANGUAGE.values():
    for _number, _name in enumerate(_names.split(), 1):
        MONTHS.setdefault(_name, _number)

# Weekday names, full and short: where a date begins in a line ("By Jane Doe on Monday, November 5").
WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi "
    "dimanche lunes martes miércoles jueves viernes sábado domingo lunedì martedì mercoledì giovedì venerdì "
    "sabato domenica".split())

# Relative times: unit words -> seconds; "ago" words may come before ("vor", "il y a", "hace")
# or after ("ago", "trước", "前", "önce") the number.
RELATIVE_UNITS: dict[str, int] = {}
for _seconds, _words in (
    (60, "minute minutes min mins minuto minutos minuti minuten minut minuter minutter phút 分 分钟 분 dakika"),
    (3600, "hour hours hr hrs stunde stunden heure heures hora horas ora ore uur timme timmar time timer "
           "giờ 時間 小时 시간 saat jam"),
    (86400, "day days tag tagen tage jour jours día días giorno giorni dag dagen dagar dage dager ngày "
            "日 天 일 gün hari"),
    (604800, "week weeks woche wochen semaine semaines semana semanas settimana settimane tuần 週間 주 hafta"),
):
    for _word in _words.split():
        RELATIVE_UNITS[_word] = _seconds

RELATIVE_BEFORE = ("vor", "il y a", "hace", "fa", "há", "för", "for", "sedan", "temu")
RELATIVE_AFTER = ("ago", "trước", "前", "전", "önce", "fa", "geleden", "siden", "sedan", "lalu", "temu", "назад")
YESTERDAY = {"yesterday", "gestern", "hier", "ayer", "ieri", "ontem", "gisteren", "igår", "i går", "wczoraj",
             "dün", "kemarin", "hôm qua", "昨日", "昨天", "어제", "вчера"}
TODAY = {"today", "heute", "aujourd'hui", "hoy", "oggi", "hoje", "vandaag", "idag", "i dag", "dzisiaj",
         "bugün", "hari ini", "hôm nay", "今日", "今天", "오늘", "сегодня", "just now", "gerade eben"}

# Time-zone abbreviations seen in bylines, as UTC offsets in minutes.
TIMEZONES = {"utc": 0, "gmt": 0, "z": 0, "wet": 0, "bst": 60, "cet": 60, "mez": 60, "cest": 120, "mesz": 120,
             "eet": 120, "eest": 180, "msk": 180, "ist": 330, "ict": 420, "wib": 420, "sgt": 480, "hkt": 480,
             "cst": -360, "cdt": -300, "est": -300, "edt": -240, "mst": -420, "mdt": -360, "pst": -480,
             "pdt": -420, "jst": 540, "kst": 540, "aest": 600, "aedt": 660, "sast": 120, "cat": 120, "eat": 180}

# <meta> names (lowercased name/property/itemprop) that state the publication time, most deliberate first.
PUBLISHED_META = ("article:published_time", "og:published_time", "published_time", "datepublished",
                  "article.published", "publishdate", "publish-date", "publish_date", "pubdate",
                  "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date",
                  "dcterms.created", "dc.date.created", "date", "cxenseparse:recs:publishtime",
                  "article:published", "originalpublicationdate", "displaydate", "releasedate")
# ... and the last modification.
MODIFIED_META = ("article:modified_time", "og:updated_time", "article:updated_time", "datemodified",
                 "modified_time", "dcterms.modified", "dc.date.modified", "last-modified", "lastmod",
                 "cxenseparse:recs:articlemodifiedtime")
# Class substrings of a visible date line ("Zeit", "Datum", "fecha", "data", "tarih", "ngày").
VISIBLE_DATE_CLASSES = ("date", "time", "publish", "posted", "byline", "meta", "zeit", "datum", "fecha",
                        "data", "tarih", "ngay")

# Words around the numbers of a date or time: "1st", "1er", "1º"; "14 de febrero de 2024";
# "14:05 Uhr", "10 horas"; Vietnamese "18 tháng 10 năm 2025"; "a day ago", "vor einem Tag".
DAY_SUFFIXES = ("º", "er", "st", "nd", "rd", "th")
DATE_JOINERS = ("de",)
CLOCK_WORDS = ("uhr", "h", "horas", "hrs", "hr")
VI_MONTH_WORD, VI_YEAR_WORD = "tháng", "năm"
ONE_WORDS = ("a", "an", "one", "ein", "eine", "einem", "einer", "un", "une")
