"""Writes the small datasets of the runnable examples in quarry-examples.

  logs.csv             service log lines (log triage: extract + classify)
  meetings.jsonl       meeting transcripts (action items: extract with nested records and lists)
  reviews.csv          product reviews (sentiment + per-product summaries)
  crm_accounts.csv     company names from a CRM          } entity matching
  vendor_invoices.csv  vendor names from invoices        } (simJoin pre-filter + semantic judgement)
  feedback.csv         app feedback comments (embed + clusters + reduce)

Deterministic (seeded). Run from the repository root:  python3 tools/make_example_data.py
"""
import csv
import json
import random
from datetime import datetime, timedelta

random.seed(20261128)
OUT = "quarry-examples/src/main/resources/dev/quarry/examples/data/"


def write_csv(name, rows):
    with open(OUT + name, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)


# ----------------------------------------------------------------------------------------------- logs
LOG_TEMPLATES = [
    # (level, service, message) -- placeholders {n} {user} {pct}
    ("ERROR", "payments-api", "connection pool exhausted: 40/40 connections in use, waited {n} ms (code DB-1203)"),
    ("ERROR", "orders-worker", "deadlock detected on table orders, transaction rolled back (code DB-1401)"),
    ("WARN", "search-api", "slow query on products_index took {n} ms"),
    ("ERROR", "checkout-web", "upstream payments-api timed out after {n} ms (HTTP 504)"),
    ("ERROR", "notifications", "DNS lookup failed for smtp.mail.internal (code NET-0110)"),
    ("WARN", "checkout-web", "TLS handshake with cdn.assets.internal failed, retrying in {n} ms"),
    ("ERROR", "auth-service", "token validation failed for user {user}: signature expired (HTTP 401)"),
    ("WARN", "auth-service", "5 failed login attempts for user {user}, account locked for 15 minutes"),
    ("ERROR", "storage-gateway", "write to bucket invoices-archive failed: quota exceeded (code S3-507)"),
    ("FATAL", "orders-worker", "disk /var/lib/orders is {pct}% full, refusing new jobs (code DSK-0998)"),
    ("ERROR", "payments-api", "NullPointerException in RefundService.apply at line 212"),
    ("ERROR", "search-api", "OutOfMemoryError: Java heap space after a {n} ms GC pause"),
    ("INFO", "payments-api", "processed 120 payments in {n} ms"),
    ("INFO", "auth-service", "user {user} signed in"),
    ("INFO", "orders-worker", "job batch-{user} finished in {n} ms"),
    ("INFO", "checkout-web", "deployed release 2026.11.{pct}"),
    ("DEBUG", "search-api", "cache warm-up loaded 5000 keys in {n} ms"),
]
LOG_WEIGHTS = [5, 3, 4, 4, 2, 2, 4, 3, 3, 1, 3, 2, 6, 6, 5, 2, 3]

logs = []
t = datetime(2026, 11, 3, 9, 0, 0)
for i in range(1, 121):
    t += timedelta(seconds=random.randint(5, 240))
    level, service, message = random.choices(LOG_TEMPLATES, weights=LOG_WEIGHTS)[0]
    message = message.format(n=random.choice([250, 800, 1200, 2500, 5000, 15000, 30000]),
                             user=random.randint(1000, 9999), pct=random.randint(91, 99))
    logs.append({"line_no": i, "line": f"{t.strftime('%Y-%m-%dT%H:%M:%SZ')} {level} [{service}] {message}"})
write_csv("logs.csv", logs)

# ------------------------------------------------------------------------------------------- meetings
MEETINGS = [
    {
        "meeting_id": "m-101",
        "title": "Checkout release planning",
        "date": "2026-11-02",
        "transcript": "\n".join([
            "Priya: Morning all. Main topic is the checkout release, currently planned for the 14th.",
            "Tom: QA found two blockers in the new payment form, both on Safari.",
            "Priya: Can we still make the 14th?",
            "Tom: If the fixes land this week, yes. I'll fix the Safari date picker bug by Wednesday.",
            "Lena: I can take the second blocker, the card validation message. I'll have a patch by Thursday.",
            "Priya: Good. We decided to ship on the 14th and keep the old form behind a flag for a week.",
            "Marco: Support needs to know about the flag. I'll write the support runbook by Friday.",
            "Priya: Tom, can you also update the release notes before the release?",
            "Tom: Sure.",
            "Priya: Agreed then: no new features go into this release after today.",
        ]),
    },
    {
        "meeting_id": "m-102",
        "title": "Weekly data platform sync",
        "date": "2026-11-04",
        "transcript": "\n".join([
            "Aisha: Quick sync. The nightly import failed twice this week with disk full errors.",
            "Ken: The orders volume grew, the disk is at 98 percent.",
            "Aisha: Let's go with the bigger volume for now and look at retention later.",
            "Ken: I'll resize the orders volume to 2 TB by tomorrow.",
            "Sofia: I will add an alert at 85 percent disk usage by end of week.",
            "Aisha: Ken, can you also write a retention proposal by next Tuesday?",
            "Ken: Will do.",
            "Sofia: One more thing: the dashboard for finance is still slow.",
            "Aisha: I'll talk to finance about which reports they really need by Friday.",
        ]),
    },
    {
        "meeting_id": "m-103",
        "title": "Customer escalation review: Harbor Health",
        "date": "2026-11-05",
        "transcript": "\n".join([
            "Daniel: Harbor Health escalated again. Their invoices were charged twice in October.",
            "Mia: Billing confirmed the duplicate charge. The refund is approved but not sent yet.",
            "Daniel: We agreed to send the refund today and add a credit of one month.",
            "Mia: I'll send the refund and the credit note today. I'll also update the billing FAQ.",
            "Oscar: I will call their finance lead to apologise by tomorrow.",
            "Daniel: Oscar, can you also check whether other customers were double charged by Monday?",
            "Oscar: Yes.",
            "Daniel: Decision: the billing retry job stays paused until the root cause is fixed.",
        ]),
    },
]
with open(OUT + "meetings.jsonl", "w") as f:
    for m in MEETINGS:
        f.write(json.dumps(m) + "\n")

# -------------------------------------------------------------------------------------------- reviews
PRODUCTS = {
    "Aurora ANC Headphones": [
        ("The sound quality is superb, with rich bass and crisp highs.", "The sound is muddy at high volume."),
        ("Noise cancelling is excellent on the train.", "Noise cancelling barely works on a plane."),
        ("Very comfortable for long flights.", "They hurt my ears after an hour."),
        ("Battery life easily lasts a week.", "Battery life is far shorter than advertised, barely 10 hours."),
        ("The companion app is simple and clear.", "The app keeps losing the Bluetooth connection."),
    ],
    "Pebble Smart Speaker": [
        ("The sound quality fills the whole room.", "The sound is thin and tinny."),
        ("The voice assistant understands me well.", "The voice assistant mishears every other command."),
        ("Setup took two minutes.", "Setup failed three times before it worked."),
        ("It stays connected to the wifi without trouble.", "It drops off the wifi every night."),
        ("Great value for the price.", "Overpriced for what it does."),
    ],
    "Trail 2 Running Watch": [
        ("GPS locks on fast and tracks my routes accurately.", "GPS drifts by hundreds of meters in the city."),
        ("Battery life is great, two weeks between charges.", "Battery life drops to a day with GPS on."),
        ("The strap is comfortable even on long runs.", "The strap broke after two weeks."),
        ("Heart rate readings match my chest strap.", "Heart rate readings are all over the place."),
        ("It syncs to my phone instantly.", "Sync to the phone fails every other run."),
    ],
    "Nimbus Robot Vacuum": [
        ("Strong suction, it picks up all the pet hair.", "Weak suction, it leaves crumbs behind."),
        ("It mapped the whole flat on the first run.", "It gets lost and maps the rooms wrong."),
        ("Quiet enough to run during calls.", "It is loud like a jet engine."),
        ("Battery life covers the whole flat.", "Battery life runs out halfway through the living room."),
        ("Scheduling in the app works well.", "The app crashes when I edit the map."),
    ],
}
OPENERS_POS = ["Really happy with this.", "Bought it a month ago.", "Great purchase.", ""]
OPENERS_NEG = ["Disappointed.", "Bought it a month ago.", "Not what I expected.", ""]
CLOSERS_POS = ["Would buy again!", "Recommended.", ""]
CLOSERS_NEG = ["Returning it.", "Would not recommend.", ""]

reviews = []
rid = 0
for product, aspects in PRODUCTS.items():
    for _ in range(20):
        rid += 1
        rating = random.choices([1, 2, 3, 4, 5], weights=[2, 2, 1, 3, 4])[0]
        picked = random.sample(aspects, random.choice([1, 2, 2, 3]))
        if rating >= 4:
            sentences = [p for p, _ in picked]
            opener, closer = random.choice(OPENERS_POS), random.choice(CLOSERS_POS)
        elif rating <= 2:
            sentences = [n for _, n in picked]
            opener, closer = random.choice(OPENERS_NEG), random.choice(CLOSERS_NEG)
        else:  # mixed
            sentences = [picked[0][0]] + [n for _, n in picked[1:]] if len(picked) > 1 else [picked[0][1]]
            opener, closer = "", "It is okay overall."
        text = " ".join(s for s in [opener] + sentences + [closer] if s)
        reviews.append({"review_id": rid, "product": product, "rating": rating, "text": text})
write_csv("reviews.csv", reviews)

# ---------------------------------------------------------------------------------- entity matching
CRM = [
    ("Acme Corporation", "Chicago"), ("Blue Harbor Foods", "Portland"), ("Northwind Traders", "Seattle"),
    ("Kestrel Air", "Denver"), ("Evergreen Farms", "Eugene"), ("Granite Legal LLP", "Boston"),
    ("Maple & Oak Interiors", "Toronto"), ("Lumen Labs", "Austin"), ("Harbor Health Clinic", "Miami"),
    ("Pioneer Motors", "Detroit"), ("Summit Outdoor Gear", "Munich"), ("Iris Optics", "Lyon"),
    ("Tidewater Port Authority", "Norfolk"), ("Orchid Hotels", "Singapore"), ("Nimbus Networks", "Dublin"),
    ("International Business Machines", "Armonk"), ("Juniper Schools", "Leeds"), ("Cobalt Freight", "Rotterdam"),
    ("Fjord Media", "Oslo"), ("Willow Florists", "Bristol"),
]
VENDORS = [
    ("ACME Corp.", "Chicago"), ("Blueharbor Foods Inc", "Portland"), ("Northwind Traders Ltd", "Seattle"),
    ("Northwind Logistics", "Seattle"), ("Kestrel Airlines", "Denver"), ("Evergren Farms", "Eugene"),
    ("Granite Legal", "Boston"), ("Maple and Oak Interiors", "Toronto"), ("Lumen Laboratories", "Austin"),
    ("Harbor Health", "Tampa"), ("Pioneer Motor Company", "Detroit"), ("Summit Outdoor Gear GmbH", "Munich"),
    ("IRIS OPTICS S.A.", "Lyon"), ("Tidewater Port Auth.", "Norfolk"), ("Orchid Hotel Group", "Singapore"),
    ("Nimbus Cloud", "Dublin"), ("IBM", "Armonk"), ("Quartz Jewelers", "Antwerp"), ("Zephyr Bikes", "Utrecht"),
    ("Cobalt Freight B.V.", "Rotterdam"),
]
write_csv("crm_accounts.csv", [{"account_id": i + 1, "name": n, "city": c} for i, (n, c) in enumerate(CRM)])
write_csv("vendor_invoices.csv", [
    {"invoice_id": f"INV-{7001 + i}", "vendor": n, "vendor_city": c, "amount_eur": round(random.uniform(120, 9800), 2)}
    for i, (n, c) in enumerate(VENDORS)])

# ------------------------------------------------------------------------------------------- feedback
FEEDBACK = {
    "dark mode": [
        "Please add a dark mode, the white screen is blinding at night.",
        "A dark theme would make evening planning so much easier on the eyes.",
        "Any plans for dark mode? I use the app in bed and it is too bright.",
        "Dark mode please! Every other app I use has it.",
        "The bright white background hurts my eyes at night, a dark theme would help.",
        "Would love a night theme that follows the system dark mode setting.",
    ],
    "sync": [
        "My notes do not sync between my phone and my laptop.",
        "Sync created duplicate copies of my shopping list.",
        "Changes on the tablet take hours to show up on my phone.",
        "Sync conflict again, I lost the edits I made offline.",
        "Tasks I complete on the laptop come back as open on my phone.",
        "Syncing between devices is unreliable since the last update.",
    ],
    "pricing": [
        "The new subscription price is too high for a to-do app.",
        "It was free, now it costs 9 dollars a month? That is a lot.",
        "Please bring back the one-time purchase, I do not want another subscription.",
        "The yearly plan doubled in price without notice.",
        "Too expensive for students, is there a discount?",
        "Paying monthly for features I used to have for free feels wrong.",
    ],
    "export": [
        "Let me export my tasks to CSV so I can use them in a spreadsheet.",
        "I need an export to PDF to share my project plan with the team.",
        "Is there a way to export all notes? I want a backup.",
        "Please add Excel export for the reports.",
        "Exporting a list only gives me plain text, I need CSV.",
        "Export to Markdown would be great for my notes.",
    ],
    "performance": [
        "The app takes ten seconds to open on my phone.",
        "Scrolling is laggy once a list has a few hundred tasks.",
        "Since the update the app drains my battery quickly.",
        "Search is very slow with many notes.",
        "The app freezes for a few seconds when I switch lists.",
        "Opening a big project is slow and sometimes the app crashes.",
    ],
}
SUFFIXES = ["", " Thanks!", " Otherwise I love the app.", " This is my main complaint.", " Please fix this soon."]
feedback = []
fid = 0
for theme, comments in FEEDBACK.items():
    for comment in comments:
        for suffix in random.sample(SUFFIXES, 3):
            fid += 1
            feedback.append({"feedback_id": fid, "channel": random.choice(["app store", "in-app", "email"]),
                             "text": comment + suffix})
random.shuffle(feedback)
write_csv("feedback.csv", feedback)

print(len(logs), "log lines,", len(MEETINGS), "meetings,", len(reviews), "reviews,", len(CRM), "accounts,",
      len(VENDORS), "vendors,", len(feedback), "feedback comments")
