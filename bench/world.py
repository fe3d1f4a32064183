"""The world the generated stories happen in: countries, their currencies, agencies, companies and people.

Donors invest, lend and sign; partners receive. People's names are drawn from
pools of real-sounding names of each region, and `variant` spells one the
way another newsroom's transliteration would (Berdimuhamedov / Berdymuhamedov,
Tokayev / Tokaev, Rakhmon / Rahmon): the spelling discrepancies a corpus plants.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Donor:
    """A country that pledges money: its currency, head of government, aid agency and companies."""

    name: str
    adjective: str
    currency: str
    leader_title: str
    capital: str
    agency: str
    companies: tuple[str, ...]
    people: str  # key of the name pool its officials are drawn from


@dataclass(frozen=True)
class Partner:
    """A country that receives: its demonym, capital, region and what it exports."""

    name: str
    adjective: str
    capital: str
    region: str
    exports: str
    people: str


DONORS = (
    Donor("Japan", "Japanese", "JPY", "Prime Minister", "Tokyo", "JICA",
          ("Sumitomo", "Mitsubishi", "Itochu", "Marubeni", "Toyota", "Komatsu", "Hitachi", "Sojitz"), "japanese"),
    Donor("South Korea", "South Korean", "KRW", "President", "Seoul", "KOICA",
          ("Samsung", "Hyundai", "LG", "Doosan", "Posco", "SK Group", "Hanwha"), "korean"),
    Donor("China", "Chinese", "CNY", "Premier", "Beijing", "CIDCA",
          ("Sinopec", "PowerChina", "CRRC", "Huawei", "CNPC", "China Railway Group"), "chinese"),
    Donor("India", "Indian", "INR", "Prime Minister", "New Delhi", "the Development Partnership Administration",
          ("Tata", "Reliance", "Adani", "Larsen & Toubro", "Infosys", "Mahindra"), "indian"),
    Donor("United Kingdom", "British", "GBP", "Prime Minister", "London", "British International Investment",
          ("BP", "Shell", "Rolls-Royce", "HSBC", "Unilever", "Vodafone"), "british"),
    Donor("Germany", "German", "EUR", "Chancellor", "Berlin", "GIZ",
          ("Siemens", "Bosch", "Linde", "Thyssenkrupp", "BASF", "Deutsche Bahn"), "german"),
    Donor("France", "French", "EUR", "President", "Paris", "the French Development Agency",
          ("TotalEnergies", "Alstom", "Orano", "Danone", "Vinci", "EDF"), "french"),
    Donor("Switzerland", "Swiss", "CHF", "President", "Bern", "the Swiss Agency for Development and Cooperation",
          ("ABB", "Nestle", "Holcim", "Novartis", "Roche"), "german"),
    Donor("Turkey", "Turkish", "TRY", "President", "Ankara", "TIKA",
          ("Calik Holding", "Limak", "Kalyon", "Rönesans", "Turkcell"), "turkish"),
    Donor("United States", "American", "USD", "Secretary of State", "Washington", "USAID",
          ("Boeing", "General Electric", "Chevron", "Caterpillar", "John Deere", "Honeywell"), "american"),
)  # fmt: skip

PARTNERS = (
    Partner("Kazakhstan", "Kazakh", "Astana", "Central Asia", "uranium, rare earth metals and oil", "central_asian"),
    Partner("Uzbekistan", "Uzbek", "Tashkent", "Central Asia", "gold, cotton and natural gas", "central_asian"),
    Partner("Kyrgyzstan", "Kyrgyz", "Bishkek", "Central Asia", "gold and hydropower", "central_asian"),
    Partner("Tajikistan", "Tajik", "Dushanbe", "Central Asia", "aluminium and cotton", "central_asian"),
    Partner("Turkmenistan", "Turkmen", "Ashgabat", "Central Asia", "natural gas and polymers", "central_asian"),
    Partner("Azerbaijan", "Azerbaijani", "Baku", "the South Caucasus", "oil and gas", "caucasian"),
    Partner("Georgia", "Georgian", "Tbilisi", "the South Caucasus", "manganese and wine", "caucasian"),
    Partner("Armenia", "Armenian", "Yerevan", "the South Caucasus", "copper and brandy", "caucasian"),
    Partner("Mongolia", "Mongolian", "Ulaanbaatar", "Northeast Asia", "copper and coal", "mongolian"),
    Partner("Kenya", "Kenyan", "Nairobi", "East Africa", "tea and flowers", "east_african"),
    Partner("Tanzania", "Tanzanian", "Dodoma", "East Africa", "gold and cashew nuts", "east_african"),
    Partner("Ethiopia", "Ethiopian", "Addis Ababa", "East Africa", "coffee and sesame", "east_african"),
    Partner("Uganda", "Ugandan", "Kampala", "East Africa", "coffee and gold", "east_african"),
    Partner("Egypt", "Egyptian", "Cairo", "North Africa", "natural gas and fertiliser", "arabic"),
    Partner("Morocco", "Moroccan", "Rabat", "North Africa", "phosphates and vehicles", "arabic"),
    Partner("Tunisia", "Tunisian", "Tunis", "North Africa", "olive oil and phosphates", "arabic"),
    Partner("Vietnam", "Vietnamese", "Hanoi", "Southeast Asia", "electronics and rice", "vietnamese"),
    Partner("Cambodia", "Cambodian", "Phnom Penh", "Southeast Asia", "garments and rice", "khmer"),
    Partner("Laos", "Lao", "Vientiane", "Southeast Asia", "hydropower and copper", "khmer"),
    Partner("Peru", "Peruvian", "Lima", "the Andean region", "copper and zinc", "andean"),
    Partner("Bolivia", "Bolivian", "La Paz", "the Andean region", "lithium and zinc", "andean"),
    Partner("Ecuador", "Ecuadorian", "Quito", "the Andean region", "bananas and shrimp", "andean"),
)

# First names and surnames per pool. Surnames are the ones transliteration varies on.
PEOPLE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "central_asian": (
        ("Serdar", "Kassym", "Shavkat", "Sadyr", "Emomali", "Nurlan", "Askar", "Dilshod", "Bakhtiyor", "Zhanibek",
         "Rustam", "Murat", "Akylbek", "Timur", "Gulnara", "Dinara", "Aigerim", "Sobir", "Dosym", "Yerlan"),
        ("Berdimuhamedov", "Tokayev", "Mirziyoyev", "Japarov", "Rakhmonov", "Nurmukhamedov", "Abdykadyrov",
         "Kurbanov", "Satpayev", "Dadabaev", "Zhaksylykov", "Yusupov", "Khodjayev", "Saidov", "Tashiyev",
         "Ismoilov", "Kholmatov", "Zhumagulov", "Abdullayev", "Sultanbekov", "Khamrayev", "Tursunov"),
    ),
    "caucasian": (
        ("Ilham", "Nikol", "Irakli", "Giorgi", "Levan", "Ararat", "Mikheil", "Elchin", "Anar", "Tigran"),
        ("Aliyev", "Pashinyan", "Kobakhidze", "Garibashvili", "Mirzoyan", "Jafarov", "Mammadov", "Grigoryan",
         "Kvirikashvili", "Huseynov", "Bayramov", "Sargsyan"),
    ),
    "mongolian": (
        ("Ukhnaagiin", "Luvsannamsrain", "Gombojav", "Batbold", "Oyun-Erdene", "Tsogtbaatar"),
        ("Khurelsukh", "Oyun-Erdene", "Zandanshatar", "Battsetseg", "Amarsaikhan", "Enkhbayar", "Tsendkhuu"),
    ),
    "east_african": (
        ("William", "Samia", "Abiy", "Yoweri", "Musalia", "Mulatu", "Josephine", "Kipchumba", "Demeke", "Akinyi"),
        ("Ruto", "Hassan", "Ahmed", "Museveni", "Mudavadi", "Teshome", "Murkomen", "Mekonnen", "Odhiambo",
         "Kiplagat", "Nyakairu", "Gebremeskel"),
    ),
    "arabic": (
        ("Abdel", "Mostafa", "Aziz", "Nasser", "Youssef", "Kais", "Mohammed", "Khaled", "Nadia", "Rachid"),
        ("el-Sisi", "Madbouly", "Akhannouch", "Bourita", "Saied", "Abdelatty", "Qaddafi", "Benkirane",
         "al-Mashat", "Bouhadjar", "Khalifa", "Mukhtar"),
    ),
    "vietnamese": (
        ("Pham", "Nguyen", "Tran", "Bui", "Le", "Vo"),
        ("Minh Chinh", "Phu Trong", "Thanh Son", "Luong Cuong", "Van Thuong", "Thi Thanh"),
    ),
    "khmer": (
        ("Hun", "Sonexay", "Thongloun", "Prak", "Saleumxay"),
        ("Manet", "Siphandone", "Sisoulith", "Sokhonn", "Kommasith", "Chanthol"),
    ),
    "andean": (
        ("Dina", "Luis", "Daniel", "Gustavo", "Javier", "Maria", "Rosa", "Alberto"),
        ("Boluarte", "Arce", "Noboa", "Gonzalez", "Schialer", "Huaman", "Quispe", "Choquehuanca"),
    ),
    "japanese": (
        ("Sanae", "Shigeru", "Fumio", "Yoshimasa", "Takeshi", "Yoko", "Kenji", "Hiroshi", "Akiko", "Takehiro"),
        ("Takaichi", "Ishiba", "Kishida", "Hayashi", "Motegi", "Kamikawa", "Iwaya", "Akazawa", "Yoshida", "Kuno"),
    ),
    "korean": (
        ("Lee", "Yoon", "Han", "Cho", "Choi", "Park"),
        ("Jae-myung", "Suk-yeol", "Duck-soo", "Tae-yul", "Sang-mok", "Jin"),
    ),
    "chinese": (
        ("Li", "Wang", "Zhao", "Liu", "Chen", "Zhang"),
        ("Qiang", "Yi", "Leji", "Jianchao", "Wenbo", "Guoqing"),
    ),
    "indian": (
        ("Narendra", "Subrahmanyam", "Nirmala", "Piyush", "Rajnath", "Ashwini"),
        ("Modi", "Jaishankar", "Sitharaman", "Goyal", "Vaishnaw", "Chaudhary", "Shekhawat"),
    ),
    "british": (
        ("Keir", "David", "Rachel", "Yvette", "Jonathan", "Catherine"),
        ("Starmer", "Lammy", "Reeves", "Cooper", "Reynolds", "West"),
    ),
    "german": (
        ("Friedrich", "Olaf", "Annalena", "Svenja", "Johann", "Katherina", "Guy", "Karin"),
        ("Merz", "Scholz", "Baerbock", "Schulze", "Wadephul", "Reiche", "Parmelin", "Keller-Sutter"),
    ),
    "french": (
        ("Emmanuel", "Jean-Noel", "Catherine", "Thani", "Bruno", "Sophie"),
        ("Macron", "Barrot", "Colonna", "Mohamed Soilihi", "Le Maire", "Primas"),
    ),
    "turkish": (
        ("Recep Tayyip", "Hakan", "Mehmet", "Omer", "Cevdet"),
        ("Erdogan", "Fidan", "Simsek", "Bolat", "Yilmaz", "Kacir"),
    ),
    "american": (
        ("Marco", "Antony", "Gina", "Scott", "Jamieson", "Sarah"),
        ("Rubio", "Blinken", "Raimondo", "Bessent", "Greer", "Landau"),
    ),
}

# Transliteration rules: (pattern, replacement). A variant applies one rule once, where it matches.
_VARIANT_RULES = (
    (r"(?<=[bcdfgklmnprstvz])i(?=[bcdfgklmnprstvz])", "y"),  # Berdimuhamedov -> Berdymuhamedov
    (r"yev\b", "ev"),  # Tokayev -> Tokaev
    (r"yov\b", "ov"),
    (r"kh", "h"),  # Rakhmonov -> Rahmonov
    (r"(?<=[aeiou])h(?=[aeiou])", "kh"),
    (r"\bZh", "J"),  # Zhaparov -> Japarov
    (r"\bJ", "Zh"),
    (r"dj", "j"),
    (r"ou", "u"),
    (r"q", "k"),
    (r"(?<=[aeiou])y(?=[aeiou])", "i"),  # Mirziyoyev -> Mirzioyev
    (r"(?<=[aeiou])i(?=[aeiou])", "y"),
    (r"([lnrst])\1", r"\1"),  # doubled consonants
    (r"(?<=[aeiou])([lnrst])(?=[aeiou])", r"\1\1"),
    (r"ei", "ey"),
    (r"ss", "s"),
)


# Which rules fit a pool: romanised Cyrillic varies in all these ways; names of other languages in the
# generic ones only; Japanese, Korean, Chinese, Vietnamese and Khmer romanisations are left alone (a variant
# like `Kunno` for `Kuno` or `Zhaishankar` for `Jaishankar` would be no newsroom's spelling).
_CYRILLIC_POOLS = {"central_asian", "caucasian", "mongolian"}
_ROMANISED_ALONE = {"japanese", "korean", "chinese", "vietnamese", "khmer"}
_GENERIC_RULES = {r"ou", r"q", r"ei", r"ss", r"([lnrst])\1", r"(?<=[aeiou])([lnrst])(?=[aeiou])"}


def variants(name: str, pool: str) -> list[str]:
    """Other spellings of a surname a transliteration from its pool's language could give, each one rule away."""
    if pool in _ROMANISED_ALONE:
        return []
    rules = [rule for rule in _VARIANT_RULES if pool in _CYRILLIC_POOLS or rule[0] in _GENERIC_RULES]
    found = []
    for pattern, replacement in rules:
        spelled = re.sub(pattern, replacement, name, count=1)
        if spelled != name and spelled not in found:
            found.append(spelled)
    return found


def variant(name: str, pool: str, rng: random.Random) -> str | None:
    """One other spelling of a surname, or None when no rule of its pool applies to it."""
    found = variants(name, pool)
    return rng.choice(found) if found else None


@dataclass(frozen=True)
class Person:
    """Someone named in a story: first name, surname and the title they are introduced with."""

    first: str
    surname: str
    title: str
    pool: str = ""  # the name pool (language) it was drawn from: which spelling variants are plausible

    def full(self, surname: str | None = None) -> str:
        """'Serdar Berdimuhamedov', or with another spelling of the surname."""
        return f"{self.first} {surname or self.surname}"


def person(pool: str, title: str, rng: random.Random, taken: set[str]) -> Person:
    """A person from a pool whose surname is not yet used in the story."""
    firsts, surnames = PEOPLE[pool]
    free = [s for s in surnames if s not in taken] or list(surnames)
    surname = rng.choice(free)
    taken.add(surname)
    return Person(rng.choice(firsts), surname, title, pool)
