#!/usr/bin/env python3
"""Writes N templated news articles of our own as newsgraph JSON Lines.

Usage: scale-articles.py N OUT.jsonl [SEED]

Each article is assembled from hand-written sentence templates with varied
actors (countries, their leaders and ministries, international bodies),
quotes (direct, indirect, through an outlet), CAMEO-style actions and dates
from 2020 to 2025, so that every article is distinct text (no near-duplicate
stories by accident). Deterministic for a given seed. One article in five
ends with a denial by one side of an earlier claim ("X denied a report that it
had asked Y for help…"), drawn from a generator of its own so that the rest of
each article is what it was before denials were added.
"""
import json
import random
import sys
from datetime import date, timedelta

COUNTRIES = [
    ("Japan", "Japanese", "Tokyo"), ("South Korea", "South Korean", "Seoul"),
    ("China", "Chinese", "Beijing"), ("Russia", "Russian", "Moscow"),
    ("Ukraine", "Ukrainian", "Kyiv"), ("France", "French", "Paris"),
    ("Germany", "German", "Berlin"), ("Italy", "Italian", "Rome"),
    ("Spain", "Spanish", "Madrid"), ("Poland", "Polish", "Warsaw"),
    ("Turkey", "Turkish", "Ankara"), ("Iran", "Iranian", "Tehran"),
    ("Israel", "Israeli", "Jerusalem"), ("Egypt", "Egyptian", "Cairo"),
    ("India", "Indian", "New Delhi"), ("Pakistan", "Pakistani", "Islamabad"),
    ("Brazil", "Brazilian", "Brasilia"), ("Argentina", "Argentine", "Buenos Aires"),
    ("Mexico", "Mexican", "Mexico City"), ("Canada", "Canadian", "Ottawa"),
    ("Kenya", "Kenyan", "Nairobi"), ("Nigeria", "Nigerian", "Abuja"),
    ("Sudan", "Sudanese", "Khartoum"), ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Armenia", "Armenian", "Yerevan"), ("Azerbaijan", "Azerbaijani", "Baku"),
    ("Norway", "Norwegian", "Oslo"), ("Sweden", "Swedish", "Stockholm"),
    ("Vietnam", "Vietnamese", "Hanoi"), ("Indonesia", "Indonesian", "Jakarta"),
]
FIRST = ["Anna", "Kenji", "Maria", "Li", "Omar", "Elena", "David", "Fatima", "Pierre", "Ingrid",
         "Carlos", "Amina", "Viktor", "Sofia", "Hiroshi", "Grace", "Ahmed", "Laura", "Tomas", "Mei",
         "Rahul", "Olga", "Samuel", "Chloe", "Yusuf", "Nadia", "Pablo", "Hana", "Jonas", "Leila"]
LAST = ["Tanaka", "Kim", "Wang", "Petrov", "Kovalenko", "Dubois", "Schmidt", "Rossi", "Garcia",
        "Nowak", "Yilmaz", "Rahimi", "Levi", "Hassan", "Sharma", "Khan", "Silva", "Fernandez",
        "Lopez", "Tremblay", "Otieno", "Okafor", "Ahmed", "Bekele", "Grigoryan", "Aliyev",
        "Solberg", "Lindqvist", "Nguyen", "Santoso", "Moreau", "Weber", "Costa", "Novak", "Sato"]
ROLES = ["Foreign Minister", "Prime Minister", "Defence Minister", "President",
         "Trade Minister", "Interior Minister", "government spokesman", "ambassador"]
OUTLETS = ["Reuters", "the Associated Press", "AFP", "the BBC", "Al Jazeera", "Xinhua",
           "Kyodo", "Yonhap", "Interfax", "Anadolu"]
BODIES = ["the United Nations", "the European Union", "NATO", "the African Union",
          "the World Bank", "the International Monetary Fund"]
ACTIONS = [
    "{a} and {b} agreed to resume talks on {topic}",
    "{a} accused {b} of violating the {topic} agreement",
    "{a} threatened {b} with sanctions over {topic}",
    "{a} pledged {n} million dollars in aid to {b}",
    "{a} condemned {b} for its handling of {topic}",
    "{a} praised {b} for its cooperation on {topic}",
    "{a} expelled {n} diplomats from {b}",
    "{a} signed a {topic} agreement with {b}",
    "{a} asked {b} for help with {topic}",
    "{a} rejected a proposal from {b} on {topic}",
    "{a} warned {b} against escalating the dispute over {topic}",
    "{a} hosted a delegation from {b} to discuss {topic}",
]
TOPICS = ["fishing quotas", "border security", "grain exports", "energy supplies", "water rights",
          "refugees", "tariffs", "air traffic", "a prisoner exchange", "nuclear inspections",
          "climate finance", "rail links", "cyber attacks", "migration", "steel imports",
          "vaccine deliveries", "a disputed island", "oil prices", "student visas", "debt relief"]
QUOTES = [
    "We will not accept any further delay on {topic}",
    "This is a first step towards lasting peace",
    "Our position on {topic} has not changed",
    "There will be consequences if the talks fail",
    "We are ready to listen, and we expect the same from {city}",
    "Dialogue is the only way forward",
    "The people of {country} deserve better than this",
    "No agreement is possible without trust",
    "We have made real progress on {topic} this week",
    "Nobody should be surprised by our response",
]


def person(rng):
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def article(i, rng):
    a, b = rng.sample(COUNTRIES, 2)
    topic = rng.choice(TOPICS)
    day = date(2020, 1, 1) + timedelta(days=rng.randrange(6 * 365))
    place = rng.choice([a, b])[2]
    speaker, role = person(rng), rng.choice(ROLES)
    other, other_role = person(rng), rng.choice(ROLES)
    outlet = rng.choice(OUTLETS)
    body = rng.choice(BODIES)
    n = rng.randrange(2, 900)
    action = rng.choice(ACTIONS).format(a=a[0], b=b[0], topic=topic, n=n)
    second = rng.choice(ACTIONS).format(a=b[0], b=a[0], topic=rng.choice(TOPICS), n=rng.randrange(2, 900))
    q1 = rng.choice(QUOTES).format(topic=topic, city=b[2], country=a[0])
    q2 = rng.choice(QUOTES).format(topic=rng.choice(TOPICS), city=a[2], country=b[0])
    paragraphs = [
        f"{action[0].upper()}{action[1:]} in {place}",
        f"{action} on {day.strftime('%A')}, officials in {place} said, "
        f"in talks that lasted {rng.randrange(2, 14)} hours.",
        f"\"{q1},\" {a[1]} {role} {speaker} told reporters in {a[2]}.",
        f"{b[1]} {other_role} {other} said that {b[0]} would study the offer, "
        f"according to {outlet}. \"{q2},\" {other.split()[1]} said.",
        f"Separately, {second}, {outlet} reported, citing {rng.randrange(2, 9)} officials.",
        f"{body[0].upper()}{body[1:]} called on both sides to show restraint over {topic}. "
        f"Case {i} was filed under reference {rng.randrange(10**6, 10**7)}.",
    ]
    denial = random.Random(i * 7919 + 1)
    if denial.random() < 0.2:
        paragraphs.append(
            f"{a[0]} on {day.strftime('%A')} denied a report that it had asked {b[0]} for help "
            f"with {denial.choice(TOPICS)}, calling the story false."
        )
    return {
        "id": f"scale-{i:06d}",
        "text": "\n\n".join(paragraphs) + "\n",
        "published": day.isoformat(),
        "url": f"https://news.example.org/{day.year}/{i:06d}",
    }


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    with open(out, "w", encoding="utf-8") as f:
        for i in range(count):
            f.write(json.dumps(article(i, rng), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
