"""Writes the demo dataset bundled with the quarry command line: support tickets and customers.

Deterministic (seeded). Run from the repository root:  python3 tools/make_demo_data.py
"""
import csv
import random
from datetime import datetime, timedelta

random.seed(20261127)
OUTS = ["quarry-cli/src/main/resources/dev/quarry/cli/demo/", "quarry-examples/src/main/resources/dev/quarry/examples/data/"]

PRODUCTS = ["Ledger", "Payroll", "Inventory", "Storefront", "Analytics"]
PLANS = ["free", "team", "business", "enterprise"]
REGIONS = ["EMEA", "NA", "APAC", "LATAM"]
FIRST = ["Ana", "Ben", "Chloe", "Diego", "Elif", "Farah", "Gus", "Hana", "Ivan", "Jun", "Kofi", "Lena", "Mateo",
         "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Yara", "Zoe"]
LAST = ["Alvarez", "Brennan", "Chen", "Dubois", "Eriksen", "Fischer", "Gupta", "Haddad", "Ito", "Jovanovic",
        "Kowalski", "Larsen", "Moreau", "Nakamura", "Okafor", "Petrov", "Rossi", "Santos", "Tanaka", "Weber"]
COMPANIES = ["Northwind", "Bluebird Bakery", "Cobalt Freight", "Delta Dental Group", "Evergreen Farms", "Fjord Media",
             "Granite Legal", "Harbor Health", "Iris Optics", "Juniper Schools", "Kestrel Air", "Lumen Labs",
             "Maple & Oak", "Nimbus Cloud", "Orchid Hotels", "Pioneer Motors", "Quartz Jewelers", "Riverbend Clinic",
             "Summit Outdoor", "Tidewater Port", "Umbra Studios", "Vantage Realty", "Willow Florists", "Zephyr Bikes"]

# (team, sentiment, template). Placeholders: {product} {code} {amount} {n} {day} {feature} {integration}
TEMPLATES = [
    ("billing", "angry", "I was charged {amount} twice this month for {product}. This is the second time it happened and nobody answered my last email. I want a refund for the duplicate charge today."),
    ("billing", "angry", "Your invoice shows {n} seats on {product} but we only have {m} people. Fix the bill and refund the difference, I'm tired of chasing this."),
    ("billing", "neutral", "Could you send the invoice for {day} as a PDF with our VAT number on it? Our accountant needs it for {product}."),
    ("billing", "neutral", "We would like to switch {product} from monthly to yearly billing. What happens to the current month we already paid?"),
    ("billing", "angry", "You renewed {product} automatically even though I cancelled on {day}. Please reverse the {amount} charge and confirm the cancellation."),
    ("billing", "happy", "Thanks for sorting out the credit note so fast last week. One more question: can the {product} invoices go to finance@ instead of me?"),
    ("technical", "angry", "{product} has been crashing with error {code} every time we export since the update on {day}. We lost a whole afternoon of work. This is unacceptable."),
    ("technical", "angry", "The {integration} sync in {product} stopped working two days ago and throws {code}. Our orders are not coming through. Please escalate."),
    ("technical", "neutral", "After the latest release the {feature} page in {product} loads very slowly (around {n} seconds). Is this a known issue?"),
    ("technical", "neutral", "I get {code} when I try to log in to {product} with SSO. Password login still works. Can you check our SAML settings?"),
    ("technical", "angry", "Data in {product} is wrong: the {feature} report shows {n} items but the database has {m}. We rely on this for month end and it keeps failing with {code}."),
    ("technical", "neutral", "The {product} API returns {code} for about {n}% of requests since {day}. Retrying helps. Anything changed on your side?"),
    ("technical", "happy", "The new {feature} screen in {product} is great. Small bug though: the export button shows {code} on Safari."),
    ("sales", "neutral", "We are a team of {n} and considering the business plan for {product}. Do you offer a discount for non-profits?"),
    ("sales", "happy", "Loving {product} so far! We'd like to add {integration} and {n} more seats. Who can I talk to about an enterprise quote?"),
    ("sales", "neutral", "Does {product} support data residency in the EU? Our legal team needs this before we can sign."),
    ("sales", "neutral", "Can we get a trial extension for {product}? We need two more weeks to test the {feature} module with our team of {n}."),
    ("sales", "happy", "Our pilot with {product} went well. Please send a quote for {n} seats on the yearly plan, including {integration}."),
    ("account", "neutral", "Please transfer ownership of our {product} workspace from me to my colleague; I'm leaving the company on {day}."),
    ("account", "angry", "I've been locked out of {product} since {day} and the reset email never arrives. I have a deadline tomorrow. Help!"),
    ("account", "neutral", "How do I delete an old user from {product}? The {feature} settings page doesn't show a remove button."),
    ("account", "happy", "Quick one: can I change the name of our {product} workspace? Thanks for the great support so far."),
]
FEATURES = ["dashboard", "reports", "reconciliation", "stock levels", "checkout", "forecast", "audit log", "tax"]
INTEGRATIONS = ["Shopify", "Stripe", "Salesforce", "QuickBooks", "Slack", "HubSpot", "Xero"]
CODES = ["E-1042", "E-2201", "E-3090", "HTTP 502", "HTTP 429", "ERR_TIMEOUT", "E-7713", "SYNC-408"]

customers = []
for i in range(1, 61):
    first, last = random.choice(FIRST), random.choice(LAST)
    company = COMPANIES[(i - 1) % len(COMPANIES)] + ("" if i <= len(COMPANIES) else " " + random.choice(["Ltd", "Inc", "GmbH", "SA", "Co"]))
    customers.append({
        "customer_id": i,
        "name": f"{first} {last}",
        "company": company,
        "plan": random.choices(PLANS, weights=[3, 4, 3, 2])[0],
        "region": random.choice(REGIONS),
        "since": (datetime(2021, 1, 1) + timedelta(days=random.randint(0, 1500))).date().isoformat(),
    })

start = datetime(2026, 9, 1, 8, 0)
tickets = []
for i in range(1, 301):
    team, mood, template = random.choice(TEMPLATES)
    c = random.choice(customers)
    created = start + timedelta(minutes=random.randint(0, 60 * 24 * 80))
    n = random.randint(3, 60)
    body = template.format(
        product=random.choice(PRODUCTS), code=random.choice(CODES), amount=f"${random.randint(19, 899)}.{random.choice(['00', '50', '99'])}",
        n=n, m=max(1, n - random.randint(1, 9)), day=(created - timedelta(days=random.randint(1, 20))).strftime("%B %d"),
        feature=random.choice(FEATURES), integration=random.choice(INTEGRATIONS))
    product = next((p for p in PRODUCTS if p in body), random.choice(PRODUCTS))
    status = random.choices(["open", "pending", "closed"], weights=[5, 2, 3])[0]
    priority = "high" if mood == "angry" and random.random() < 0.7 else random.choice(["low", "normal", "normal", "high"])
    hours = "" if status == "open" and random.random() < 0.4 else round(random.uniform(0.2, 30.0 if priority != "high" else 8.0), 1)
    tickets.append({
        "ticket_id": i, "customer_id": c["customer_id"], "created_at": created.strftime("%Y-%m-%d %H:%M:%S"),
        "channel": random.choice(["email", "chat", "web", "phone"]), "product": product, "status": status,
        "priority": priority, "first_response_hours": hours, "body": body,
    })

for out in OUTS:
    with open(out + "customers.csv", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(customers[0].keys()))
        w.writeheader()
        w.writerows(customers)
    with open(out + "tickets.csv", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(tickets[0].keys()))
        w.writeheader()
        w.writerows(tickets)
print(len(customers), "customers,", len(tickets), "tickets")
