"""Composes Parley's built-in sentiment training messages from hand-written fragments (CC0, written for Parley).

Every template and fragment below was written for Parley; no text comes from another data set. The composition is
seeded, so the output is reproducible: python3 compose.py > sentiment-customer-messages.csv
"""
import csv, random, re, sys

rnd = random.Random(20261216)

HANDLES = ["@NorthlineAir", "@FlyBrava", "@QuickShipUK", "@BoxHop", "@Cellio", "@WaveMobile", "@Kettleby",
           "@UrbanThreads", "@HomeNook", "@PackRunner", "@SkyHopper", "@Fibrely"]
DOMAINS = {
    "air": dict(things=["flight", "bag", "suitcase", "seat", "booking", "boarding pass", "voucher", "connection",
                        "refund", "upgrade"],
                staff=["cabin crew", "gate agent", "pilot", "check-in staff", "the lady at the desk", "crew"]),
    "parcel": dict(things=["parcel", "package", "delivery", "tracking", "box", "order", "return label"],
                   staff=["driver", "courier", "delivery guy", "the driver", "depot staff"]),
    "tel": dict(things=["internet", "broadband", "signal", "bill", "contract", "router", "data", "phone line", "wifi"],
                staff=["engineer", "agent on the phone", "chat agent", "technician", "support team"]),
    "shop": dict(things=["order", "jacket", "shoes", "dress", "headphones", "sofa", "hoodie", "kettle", "jeans",
                         "backpack", "refund", "exchange"],
                 staff=["customer service", "the team", "support", "the store staff", "your agent"]),
}
TIMES = ["2 days", "three days", "a week", "10 days", "two weeks", "3 weeks", "a month", "5 hours", "an hour",
         "all week", "45 minutes"]
COUNTS = ["twice", "three times", "4 times", "five times", "again", "for the third time", "6 times"]
EMO_POS = ["🙂", "😊", "👍", "🙌", "❤️", "💯", "🥰", "😍", "✨", "👏", "🙏", "😁", "💙", "🎉"]
EMO_NEG = ["🙄", "😒", "👎", "😞", "😕", "😩", "🤦", "🤦‍♀️", "😬", "💀"]
EMO_ANGRY = ["😡", "🤬", "😤", "😠", "😡😡", "🤬🤬🤬"]
TAGS_NEG = ["#fail", "#customerservice", "#badservice", "#neveragain", "#disappointed", "#delayed", "#notimpressed"]
TAGS_POS = ["#happycustomer", "#greatservice", "#thankyou", "#impressed", "#recommend"]
TAGS_NEU = ["#help", "#question", "#travel", "#delivery", "#broadband"]

def pick(xs):
    return rnd.choice(xs)

def thing(d):
    return pick(DOMAINS[d]["things"])

def staff(d):
    return pick(DOMAINS[d]["staff"])

# Each template is (domains or None, text with {t} thing, {s} staff, {time}, {n} count, {num} number)
NEUTRAL = [
    "how do I change the date on my {t}?", "can I add a bag to my booking after paying", "what's the allowance for "
    "hand luggage", "is there a way to get a receipt for my {t}", "do you deliver to PO boxes", "if my {t} is delayed "
    "what are my options", "what happens if the parcel is damaged in transit", "how do I report a missing item",
    "how do I cancel my contract", "does the price include delivery", "can I collect the {t} from a locker instead",
    "how long does a refund usually take", "I need to return this, it's too small", "need to swap the {t} for a "
    "bigger size", "where do I enter a promo code", "is the {t} covered by the warranty if it breaks", "can someone "
    "call me back about my {t}", "what's the phone number for complaints", "I'd like to update my payment card",
    "is there a fee for changing my {t}", "is the lounge open before 6am", "are there charging points on board",
    "can I bring a pram on the flight", "how early should I arrive for an international flight", "what's the "
    "latest I can cancel without paying", "my tracking says delayed, what does that usually mean",
    "I missed the delivery, how do I rebook it", "can the {s} leave it in the porch", "will I get a text before the "
    "delivery", "what's your returns address", "does the router need to be plugged in all the time", "is there a "
    "data cap on the unlimited plan", "how do I set up voicemail", "how do I unlock my phone for other networks",
    "is there any maintenance planned this weekend", "where can I see my bills from last year", "can I move my "
    "contract to my new address", "do you do student discounts", "is the {t} in stock in black", "when will the "
    "{t} be back in stock", "what size should I get if I'm usually between a 9 and a 10", "do you have a size guide "
    "for the jeans", "what's the difference between the two plans", "can I pay in instalments", "is gift wrapping "
    "available", "order {num} - can I still change the address?", "my order number is {num}, can you check the "
    "status", "can you resend the confirmation email for order {num}", "parcel {num} says out for delivery, roughly "
    "what time?", "flight {code} tomorrow, is online check-in open yet", "booking ref {ref}, I need to add my "
    "passport details", "I want to return the {t}, how does that work", "need an invoice with my company name on it",
    "what happens to my points if I cancel", "can I get a refund instead of a voucher", "is it possible to hold the "
    "parcel at the depot", "who do I speak to about a damaged item", "the {t} arrived, how do I register it for "
    "warranty", "if I complain, how long until someone replies", "is there a problem with the app today or is it "
    "just me?", "is the website down? can't log in", "just checking - is my refund being processed?", "do I need to "
    "print the return label", "my delivery is tomorrow, can I change it to Friday", "how do I report a fault on my "
    "line", "how do I know if there's an outage near me", "can you tell me when my contract ends",
    "are dogs allowed in the cabin", "is food included on the long haul flight", "what documents do I need to fly "
    "to Canada", "can I upgrade at the airport", "do you sell gift cards", "how much is express shipping",
    "when does the sale end", "Is the {t} machine washable?", "what's the warranty on the {t}", "do the {t} come "
    "in wide fit", "can I change my order after it's been dispatched", "is it possible to split the payment",
    "will the price drop again", "I'd like to speak to someone about my bill", "please cancel order {num}, I "
    "ordered the wrong size", "I'm moving abroad, how do I close my account", "not urgent but how do I change my "
    "username", "no rush, just wondering when the {t} ships", "got charged a delivery fee, is that normal for "
    "orders under 20?", "Is there a problem with deliveries in my area?", "anyone know if the 6:15 is running on "
    "time?", "why does my bill show two lines?", "what does error 503 mean on checkout", "just wondering if you "
    "ship to Ireland", "need help resetting my password", "how do I add someone to my account",
    "can I book assistance for my dad at the airport", "what is the cut off time for next day delivery",
    "can you confirm you received my returned {t}", "I sent the {t} back last week, just confirming it arrived",
    "where do I leave feedback", "I have a question about my last order",
]
POSITIVE = [
    "thank you so much for sorting this out", "great service from the {s} today", "the {t} arrived early, thanks!",
    "really impressed with how fast you replied", "the {s} was so helpful", "love my new {t}", "best customer "
    "service I've dealt with in ages", "no problems at all with my {t}", "never had an issue with you guys",
    "couldn't be happier with the {t}", "zero complaints, everything arrived perfectly", "not a single issue, "
    "great job", "didn't disappoint at all", "problem solved in minutes, thank you", "honestly the smoothest "
    "return I've ever done", "the {s} went above and beyond", "fair play, that was quick", "you lot are brilliant",
    "big thanks to the {s} on my flight", "was worried it wouldn't arrive in time but it came a day early",
    "thought it would be a hassle but it was super easy", "I was nervous about flying but the crew made it easy",
    "the refund came through already, thank you", "smooth flight and friendly crew", "landed early, no "
    "complaints", "internet has been rock solid since the engineer came", "bill is lower than I expected, nice",
    "fixed it first time, cheers", "amazing quality for the price", "fits perfectly", "exactly as described, "
    "thanks", "super quick delivery", "the tracking updates were spot on", "lovely packaging and quick delivery",
    "happy customer here", "will definitely order again", "can't recommend you enough", "well done to the team",
    "thanks for the upgrade, what a treat", "cheers for the quick fix", "top service as usual", "nothing to "
    "complain about, great experience", "not bad at all, pleasantly surprised", "I had no trouble at all with the "
    "exchange", "kudos to the {s}", "the chat agent was patient and kind", "the {t} is even better than the photos",
    "sorted within the hour, impressive", "thanks for keeping me updated about the delay", "appreciate the "
    "honesty about the delay and the voucher", "really appreciate the help today", "wow that was fast",
    "so pleased with the {t}", "what a lovely surprise, thank you", "you've restored my faith in customer service",
    "absolute lifesaver, thank you", "easiest phone upgrade ever", "the new plan is great value",
    "five stars, no notes", "finally a company that answers, thank you", "I was ready to complain but you fixed it "
    "before I could", "the {s} deserves a raise", "thanks for making it right", "the replacement arrived and works "
    "perfectly", "love love love it", "brilliant, that's exactly what I needed", "good as new, thank you",
    "thanks, that answers my question perfectly", "all sorted now, thank you", "amazing, thank you!!",
]
NEGATIVE = [
    "my {t} still hasn't arrived", "parcel marked as delivered but it's not here", "charged twice for the same "
    "order", "the {t} arrived damaged", "item missing from the box", "got the wrong size", "the {t} broke after two "
    "days", "flight delayed {time} with no explanation", "my bag didn't make it", "no signal at home for {time}",
    "internet keeps dropping", "my bill went up again", "the {s} was rude", "refund still not received",
    "been waiting {time} for a reply", "the tracking hasn't updated in {time}", "the {t} looks nothing like the "
    "photo", "poor quality, fell apart", "very disappointed with the {t}", "not happy with the service",
    "this is not what I ordered", "the app doesn't let me check in", "the website charged me but no order "
    "confirmation", "the {s} left my parcel in the rain", "delivered to the wrong address", "the seat was broken",
    "no food left by the time they got to our row", "overcharged on my last bill", "paid for fast delivery and it "
    "came late", "the {t} doesn't work", "the discount wasn't applied", "my flight was cancelled and nobody told "
    "me", "lost my luggage", "the box was crushed", "the {t} smells weird", "sent me a used {t}", "the instructions "
    "are missing", "the colour is completely different", "the {t} is too small even though I followed the size "
    "guide", "my router has stopped working", "roaming charges I was never warned about", "the line is crackly on "
    "every call", "the chat just closed on me", "no one told me the store was closed", "the promo code is invalid",
    "took my money but cancelled my order", "my return was refused for no reason", "the quality has really gone "
    "downhill", "disappointing", "not impressed", "what a waste of money", "terrible experience", "awful service",
    "really poor communication", "the {s} didn't even knock", "the delivery slot was missed", "my {t} came "
    "without the charger", "the screen on the back of the seat didn't work", "the plane was freezing",
    "boarding was chaos", "the {t} has a stain on it", "the stitching is coming apart", "the lid is cracked",
    "it stopped charging after a week", "my order was split into 3 deliveries and one is missing",
    "got a bill for a month I already cancelled", "contract ended but you're still charging me",
    "the upgrade made my {t} worse", "speeds are nowhere near what I pay for",
    # sarcasm, all negative
    "great, just great. {t} delayed again", "thanks for nothing", "yeah right, 'next day delivery'",
    "oh brilliant, another cancellation", "love waiting {time} for a refund", "wow amazing service... not",
    "fantastic, the {t} broke on day one", "nice one, you lost my {t}", "so glad I paid extra for this",
    "cheers for the broken {t}", "well done, you sent it to the wrong house again", "what a great start to my "
    "holiday, {time} delay", "amazing how you can charge me twice but can't refund once", "perfect, just perfect. "
    "no signal again", "thanks for leaving my parcel in a puddle", "lovely, the replacement is broken too",
    "oh good, another 'technical issue'", "sure, 'delivered' to my front door. which front door?",
    "great customer service, if you like talking to a wall", "really loving the hold music at this point",
    "best airline ever, if you enjoy sleeping on the floor of the terminal", "real smooth, cancelling my flight "
    "by text", "brilliant, another price rise", "nothing says customer care like a 2 hour queue",
    "I'd give zero stars if I could", "never had such bad service",
]
FRUSTRATED = [
    "third time I'm asking: where is my {t}?", "I've asked {n} and still no answer", "WHERE IS MY {T}",
    "this is ridiculous, {time} and still nothing", "I'm sick of waiting for my refund", "how many times do I have "
    "to explain this", "still waiting. again.", "unacceptable, I've called {n}", "I want my money back NOW",
    "cancel my contract, I'm done", "never ordering from you again", "worst company I've ever dealt with",
    "I'm taking my business elsewhere", "I will be disputing this with my bank", "this is the last time I fly with "
    "you", "nobody ever replies to my emails", "I've been ignored for {time}", "are you kidding me?? cancelled "
    "AGAIN", "DO YOUR JOB", "fed up with the excuses", "enough is enough, refund me", "every single time something "
    "goes wrong", "what is going on with my {t}???", "I keep getting the same useless copy paste reply",
    "absolute joke of a company", "pathetic service, again", "{time} on hold. {time}!!", "I already sent the "
    "photos {n}, stop asking", "I'm losing my mind with this", "seriously, who runs this place",
    "I've had enough, reporting you", "WTF is going on with my {t}", "where the hell is my refund",
    "ffs just fix the {t}", "this is bloody ridiculous", "sort it out!!!", "this crap service again",
    "I'm furious, {time} and no {t}", "answer me!!!", "why does nobody answer the phone???",
    "this is beyond a joke", "complaint number 4 about the same {t}", "fourth week without {t}, do something",
    "I've been patient but this is taking the piss", "you promised a callback {n}. nothing.", "EVERY TIME",
    "STILL NO {T}", "I'm not asking again", "get me a manager now", "seriously?? again??", "I can't believe "
    "I'm still chasing this", "this is the 5th message I've sent", "done with this company for good",
    "fix it or I'm leaving", "how hard is it to deliver one {t}??", "{n} now. {n}!", "I'm so done",
]

# Typos a hurried writer makes.
def typo(text):
    words = text.split(" ")
    i = rnd.randrange(len(words))
    w = words[i]
    if len(w) > 4 and w.isalpha():
        j = rnd.randrange(1, len(w) - 1)
        kind = rnd.random()
        if kind < 0.4:
            w = w[:j] + w[j + 1:]
        elif kind < 0.7:
            w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
        else:
            w = w[:j] + w[j] + w[j:]
    words[i] = w
    return " ".join(words).replace("you ", rnd.choice(["you ", "u ", "you "])).replace(" are ", rnd.choice(
        [" are ", " r ", " are "]))

def fill(template, d):
    t = thing(d)
    return (template.replace("{t}", t).replace("{T}", t.upper()).replace("{s}", staff(d))
            .replace("{time}", pick(TIMES)).replace("{n}", pick(COUNTS))
            .replace("{num}", str(rnd.randint(1000, 99999)))
            .replace("{code}", pick(["NL213", "FB88", "SH4410", "NL7"]))
            .replace("{ref}", "".join(rnd.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))))

def dress(text, label):
    r = rnd.random()
    if r < 0.45:
        text = pick(HANDLES) + " " + text
    elif r < 0.55:
        text = text + " " + pick(HANDLES)
    elif r < 0.65:
        text = pick(["hi", "hey", "hello", "Hi there,", "morning,", "ok so", "um"]) + " " + text
    if rnd.random() < 0.3:
        text = typo(text)
    case = rnd.random()
    if case < 0.35:
        text = text.lower()
    elif case < 0.6:
        text = text[0].upper() + text[1:]
    if label == "frustrated" and rnd.random() < 0.25:
        text = text.upper()
    emoji = rnd.random()
    if label == "positive" and emoji < 0.4:
        text += " " + pick(EMO_POS) * rnd.choice([1, 1, 2])
    elif label == "negative" and emoji < 0.3:
        text += " " + pick(EMO_NEG)
    elif label == "frustrated" and emoji < 0.35:
        text += " " + pick(EMO_ANGRY)
    if rnd.random() < 0.12:
        text += " " + pick({"positive": TAGS_POS, "neutral": TAGS_NEU, "negative": TAGS_NEG,
                            "frustrated": TAGS_NEG}[label])
    if label == "frustrated" and rnd.random() < 0.3 and not text.endswith(("!", "?")):
        text += pick(["!!", "!!!", "?!", "??", "!!!!"])
    if label == "neutral" and rnd.random() < 0.15:
        text += pick([" thanks", " thx", " cheers", " pls", " please"])
    return text

ROWS = {"neutral": (NEUTRAL, 430), "positive": (POSITIVE, 360), "negative": (NEGATIVE, 470),
        "frustrated": (FRUSTRATED, 300)}
seen = set()
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["text", "label"])
rows = []
for label, (templates, count) in ROWS.items():
    made = 0
    # Every template at least once, then random ones.
    queue = list(templates)
    tries = 0
    while made < count and tries < count * 20:
        tries += 1
        template = queue.pop(0) if queue else pick(templates)
        text = dress(fill(template, pick(list(DOMAINS))), label)
        key = text.lower()
        if key in seen:
            continue
        seen.add(key)
        rows.append((text, label))
        made += 1

rnd.shuffle(rows)
for row in rows:
    out.writerow(row)

# Second pass (issue 16): statements about products and services in a reviewer's voice rather than a support
# ticket's: aspects of a product, mixed clauses, praise told through problem words and complaints told without
# complaint words, whole sentences with openers and closers. A generator of its own, so the rows above stay the same.
rv = random.Random(20261207)
PRODUCTS = {
    "phone": ["battery", "screen", "camera", "speaker", "charging port", "fingerprint reader", "case"],
    "headphones": ["sound", "bass", "noise cancelling", "ear cushions", "bluetooth range", "microphone", "battery"],
    "jacket": ["fabric", "fit", "zip", "stitching", "hood", "lining", "colour"],
    "boots": ["sole", "grip", "laces", "fit", "leather", "insoles"],
    "kettle": ["lid", "handle", "switch", "base", "spout", "filter"],
    "blender": ["motor", "blades", "jug", "lid", "buttons"],
    "sofa": ["cushions", "frame", "fabric", "legs", "assembly instructions"],
    "hotel room": ["bed", "shower", "view", "wifi", "breakfast", "air conditioning"],
    "restaurant": ["food", "service", "portions", "waiter", "dessert", "atmosphere"],
    "app": ["checkout", "search", "login", "notifications", "layout", "tracking page"],
}
OWNED = ["a week", "two weeks", "a month", "three months", "six months", "a year", "two days", "ten days"]
REVIEW = {
    "positive": [
        "the {a} is excellent", "the {a} lasts all day", "the {a} works like a charm", "really happy with the {a}",
        "the {a} is better than I expected", "I've had no issues with the {a}", "the {a} hasn't given me a "
        "single problem", "I have yet to find a flaw in the {a}", "can't fault the {a}", "the {a} feels solid and "
        "well made", "the {a} is crisp and clear", "the {a} never lets me down", "I was worried about the {a} but "
        "it's fine", "zero complaints about the {a}", "the {a} is a real step up from my old one", "the {a} still "
        "works perfectly after {o}", "no more problems with the {a} since the update", "the {a} is sturdy",
        "the {a} is comfortable even after hours", "the {a} blew me away", "the {a} does exactly what it should",
        "the {a} is gorgeous", "the {a} is spot on", "the {a} is worth every penny", "honestly the {a} is "
        "flawless", "I don't miss my old one at all, the {a} is that good", "the {a} hasn't failed once",
        "you won't be disappointed by the {a}", "it's hard to find anything wrong with the {a}", "the {a} was a "
        "pleasant surprise", "loving the {a}", "the {a} is reliable", "the {a} could not be easier",
        "the {a} is far from cheap looking", "the {a} just works", "setting it up took two minutes, so easy",
        "it fits fine with the cover on", "so light I forget I'm wearing it", "I saved a fortune buying two",
        "the {a} is ideal for someone as fussy as me", "the {a} holds everything securely", "cooked just right",
        "the {a} was spot on, not too much and not too little", "the {a} went beyond what I paid for",
        "LOVE the {a}", "the {a} is AMAZING", "the staff could not have been kinder", "I'd go back tomorrow",
        "it's the best {p} I've owned", "pairing was painless", "I never thought a {p} could be this good",
    ],
    "negative": [
        "the {a} died after {o}", "the {a} is flimsy", "the {a} stopped working after {o}", "the {a} is a joke",
        "the {a} feels cheap", "the {a} kept failing so it went back", "save your money, the {a} is useless",
        "the {a} barely lasts an hour", "the {a} is nothing like the pictures", "the {a} cracked on the first "
        "day", "the {a} is uncomfortable", "the {a} rattles", "the {a} started peeling after {o}", "the {a} "
        "leaks", "the {a} is far too loud", "the {a} is so slow it's unusable", "I regret buying it, the {a} is "
        "poor", "the {a} gave up within {o}", "the {a} is mediocre at best", "I expected more from the {a}",
        "the {a} is not worth the price", "the {a} came apart in my hands", "the {a} overheats", "the {a} is "
        "awkward to use", "the {a} lost half its charge overnight", "the {a} was cold and bland", "the {a} "
        "never worked properly", "the {a} is a let-down", "I won't be buying another, the {a} is awful",
        "the {a} looks tired already", "the {a} broke and the warranty didn't cover it", "the {a} was a "
        "nightmare", "the {a} is worse than my old one", "the {a} lasted {o}, that's it", "don't bother with the "
        "{p}", "don't count on the {a}", "wouldn't recommend the {p} to anyone", "not nearly as good as they claim",
        "no better than the cheap ones", "the {a} was meh", "the {a} is underwhelming", "unhappy with it from day "
        "one", "too many issues with the {a} to keep it", "I couldn't stand the {a}", "all that hype for this",
        "nothing about the {a} works the way it should", "way overpriced for what you get", "the {a} was "
        "revolting", "the {a} smudges constantly", "clunky {a}", "the {a} is a pain to use", "I gave up on "
        "the {a}", "the {a} is hardly usable", "do not buy the {p}", "I was hoping for much more from the {a}",
    ],
    "neutral": [
        "does the {a} come with a warranty?", "I bought the {p} for my brother", "the {p} arrived on Tuesday",
        "I'm comparing the {a} with the older model", "is the {a} replaceable?", "what material is the {a} "
        "made of?", "I've had the {p} for {o}", "the {a} is the standard size", "the {p} came in a plain box",
        "I ordered the {p} in grey", "how do I clean the {a}?", "the {a} can be adjusted in the settings",
        "the {p} is the 2025 model", "I use the {p} mostly at weekends", "can the {a} be bought separately?",
        "the manual explains how to reset the {a}", "the {p} is heavier than my last one", "is there a newer "
        "version of the {p} coming?", "the {a} is black on the left and grey on the right", "my daughter "
        "picked the {p}", "I need a spare {a} for the {p}", "the {p} was delivered to my office",
        "which {a} fits this {p}?", "the {a} is the same as on the previous model",
    ],
}
OPEN = {"positive": ["", "", "Bought the {p} {o} ago and", "I've had the {p} for {o} and", "Honestly,",
                     "For the price,", "Update after {o}:", "Wasn't sure at first but"],
        "negative": ["", "", "Bought the {p} {o} ago and", "I've had the {p} for {o} and", "Honestly,",
                     "For the price,", "Update after {o}:", "Really wanted to like it but"],
        "neutral": ["", "", "", "Quick one:", "FYI", "Just so you know,"]}
CLOSE = {"positive": ["", "", "Would buy again.", "Highly recommend.", "Five stars.", "Very pleased.",
                      "Great value.", "Thanks!", "My family loves it too."],
         "negative": ["", "", "Avoid.", "Returning it.", "Not worth the money.", "Very disappointed.",
                      "One star.", "Shame, it looked nice.", "Back it goes."],
         "neutral": ["", "", "", "Thanks.", "Cheers."]}
# Mixed clauses: the verdict follows the last clause, as reviewers mean it.
MIXED = {"positive": ["the {a} is a bit {meh} but the {b} makes up for it", "shame about the {a}, but overall "
                      "I'm really pleased", "not perfect, the {a} is {meh}, but I love it anyway"],
         "negative": ["the {a} is nice but the {b} is a deal breaker", "looks great, shame the {b} broke within "
                      "{o}", "the {a} is fine, the {b} is terrible", "lovely {a}, useless {b}"]}
MEH = ["stiff", "plain", "loud", "fiddly", "small", "heavy"]

def review_row(label):
    p = rv.choice(list(PRODUCTS))
    aspects = PRODUCTS[p]
    a, b = rv.sample(aspects, 2)
    if label in MIXED and rv.random() < 0.15:
        body = rv.choice(MIXED[label])
    else:
        body = rv.choice(REVIEW[label])
    body = body.replace("{a}", a).replace("{b}", b).replace("{meh}", rv.choice(MEH))
    opener = rv.choice(OPEN[label])
    text = ((opener + " " if opener else "") + body).replace("{p}", p).replace("{o}", rv.choice(OWNED))
    if opener and not opener.endswith((":", ",")) and not opener.endswith("and"):
        pass
    text = text[0].upper() + text[1:]
    if not text.endswith("?"):
        text += rv.choice([".", ".", ".", "!", ""]) if label != "neutral" else "."
    close = rv.choice(CLOSE[label])
    if close:
        text += " " + close.replace("{p}", p)
    r = rv.random()
    if r < 0.25:
        text = text.lower()
    elif label == "positive" and r < 0.35:
        # Customers shout praise too: repeated marks and capitals are not only anger.
        text = text.rstrip(".!") + rv.choice(["!!", "!!!", "!!!!", " :)", "!! <3"])
    elif label == "positive" and r < 0.4:
        text = text.upper()
    if rv.random() < 0.15:
        words = text.split(" ")
        i = rv.randrange(len(words))
        w = words[i]
        if len(w) > 4 and w.isalpha():
            j = rv.randrange(1, len(w) - 1)
            words[i] = w[:j] + w[j + 1:]
        text = " ".join(words)
    return text

review_rows = []
for label, count in (("positive", 150), ("negative", 150), ("neutral", 80)):
    made = 0
    tries = 0
    while made < count and tries < count * 30:
        tries += 1
        text = review_row(label)
        if text.lower() in seen:
            continue
        seen.add(text.lower())
        review_rows.append((text, label))
        made += 1

rv.shuffle(review_rows)
for row in review_rows:
    out.writerow(row)

# Third pass (issue 16, real customer tweets): shorter public messages to airlines, shops, telecoms and couriers as
# people tweet them: an @handle first, a flight or order number, a city, a link, hashtags; neutral is a question or a
# request for information (even about a delay), negative is often told as a question or with sarcasm ("thanks for
# the 3 hour delay"), positive is mostly thanks. A generator of its own, so the rows above stay the same.
tw = random.Random(20261208)
AIRLINES = ["@JetAzure", "@NorthlineAir", "@FlyBrava", "@SkyHopper", "@AeroVale", "@BlueKite_Air"]
OTHERS = ["@QuickShipUK", "@BoxHop", "@Cellio", "@WaveMobile", "@Kettleby", "@UrbanThreads", "@PackRunner",
          "@Fibrely", "@HomeNook"]
CITIES = ["Denver", "Boston", "LAX", "JFK", "Chicago", "Dallas", "Newark", "Austin", "Orlando", "Seattle", "Heathrow",
          "Madrid", "Phoenix", "Nashville", "SFO", "Miami"]
TW_SLOTS = {
    "city": lambda: tw.choice(CITIES), "city2": lambda: tw.choice(CITIES),
    "flight": lambda: "flight " + tw.choice(["", "#"]) + str(tw.randint(100, 4999)),
    "hours": lambda: tw.choice(["2 hours", "3 hrs", "45 min", "an hour", "4 hours", "90 minutes", "5 hrs", "all night"]),
    "order": lambda: tw.choice(["order ", "order #", "#"]) + str(tw.randint(10000, 999999)),
    "name": lambda: tw.choice(["Tasha", "Marco", "Dee", "Kevin", "Priya", "Luis", "Anne", "Sam"]),
    "thing": lambda: tw.choice(["bag", "suitcase", "parcel", "package", "order", "refund", "router", "phone",
                                "voucher", "upgrade", "connection", "seat"]),
}
TW_NEUTRAL = [
    "do you fly from {city} to {city2}?", "when does the schedule for march open up?", "is {flight} on time?",
    "can I change my {city} flight to tomorrow?", "how do I add my known traveler number", "just sent you a DM",
    "following up on my DM from yesterday", "what's the checked bag fee to {city}?", "any news on {flight}?",
    "are flights out of {city} affected by the storm?", "can you DM me about my reservation",
    "I need to change the name on my ticket", "will I get a voucher code by email?", "flying to {city} tomorrow",
    "what time does the {city} lounge open", "is there wifi on {flight}", "how early do I need to be at {city}",
    "just booked {city} to {city2} for next month", "is the {city2} route seasonal?", "can you confirm my seat on {flight}",
    "what's the status of {order}?", "does {order} ship today?", "can I change the delivery day for {order}",
    "what's your number for business accounts", "is there an outage in {city}?", "any sunday deliveries in {city}?",
    "how do I track {order}", "can I add a bag after check-in", "who do I talk to about a lost item on {flight}",
    "my {flight} was rebooked, where do I see the new seat?", "are pets allowed on {flight}",
    "what's the policy for carry on strollers", "does my fare include a meal", "when will the app be back up?",
    "I need a receipt for {flight}", "can I get the delay in writing for my employer?", "are you hiring in {city}?",
    "what gate does {flight} leave from", "any deals to {city} this spring?", "can you check {order} please",
    "is the sale online only?", "how long is the wait for a callback", "I have a question about my bill",
    "is my router covered by the warranty", "can I upgrade my plan early", "how do I cancel my booking",
    "is it possible to get on an earlier flight to {city}?", "need to rebook {flight}, what are my options",
    "what's the process for a refund on a cancelled flight", "where do I send my receipts for reimbursement?",
    "delayed bag claim - what info do you need?",
    "RT if you're flying to {city} for the game", "new route {city} to {city2} starts in may",
    "checking in for {flight} now", "boarding {flight} to {city}", "heading to {city} with you guys today",
    "on my way to {city2}", "first time flying with you, anything I should know?", "what's the max bag weight",
]
TW_POSITIVE = [
    "thank you!", "thanks for the quick reply", "you guys rock", "love flying with you", "best airline hands down",
    "{name} at the {city} desk was amazing, thank you", "great crew on {flight}", "landed early, thanks!",
    "thanks for getting me home", "made my connection thanks to your gate team", "smooth flight from {city}",
    "the upgrade was a lovely surprise", "appreciate the help with my {thing}", "got my {thing} back, thank you so much",
    "you always take care of us", "what a great flight", "awesome service today", "that was fast, thanks",
    "thanks for the update", "you're the best", "love the new seats", "thanks for the follow back!",
    "big shoutout to {name}", "such a friendly crew on the {city} flight", "delivered a day early, cheers",
    "{order} arrived and it's perfect", "thanks for sorting my bill so quickly", "fibre is flying since the upgrade",
    "loving the new app", "great customer service from {name}", "thank you for the voucher, very kind",
    "impressed again", "never disappoints", "thanks for the free drinks on the delay, nice touch",
    "got rebooked in 5 minutes, thank you", "gate agent in {city} saved my day", "can't wait to fly with you again",
    "ok that was actually a great experience", "finally home, thanks team", "DM sorted it, thanks",
]
TW_NEGATIVE = [
    "{flight} delayed {hours} and counting", "thanks for the {hours} delay", "on hold for {hours}. really?",
    "cancelled my flight and no hotel", "lost my {thing} again", "where is my {thing}??", "why is {flight} still delayed",
    "worst airline", "never flying with you again", "my bag is in {city2}, I'm in {city}", "sat on the tarmac for {hours}",
    "great, another delay", "love spending my night at {city} airport", "your app won't let me check in",
    "missed my connection because of your delay", "no one at the gate to help", "why was my seat given away?",
    "how do you lose a bag on a direct flight", "paid for wifi that didn't work", "rebooked me on a flight 2 days later",
    "your customer service line just hangs up", "still no refund for my cancelled flight", "{order} still not here",
    "{order} says delivered, it wasn't", "charged me twice", "internet down again in {city}", "thanks for absolutely nothing, again",
    "so much for on time", "what a joke", "nice job losing my {thing}", "the crew on {flight} was rude",
    "why does it take {hours} to get bags off a plane", "yet another delay", "can't get through to anyone",
    "flight attendant was so rude", "no updates, no info, nothing", "I'll drive next time", "fees on fees on fees",
    "my {thing} came broken", "the 'helpline' is a joke", "stuck in {city} because of you", "#fail", "disappointed again",
    "dm'd you {hours} ago, no answer", "my complaint was closed without a reply", "your website keeps crashing",
    "how is this acceptable?", "how are you still this bad at this", "oh good, another cancelled flight",
    "thanks for making me miss my sister's wedding", "just what I needed, a middle seat for 6 hours",
]
TW_FRUSTRATED = [
    "ANSWER YOUR PHONES", "this is the 4th time I've called. FIX IT", "I'm DONE with you", "worst. airline. ever.",
    "{hours} on hold!!! unacceptable!!!", "f*** this airline", "you people are unbelievable", "WHERE IS MY {thing}",
    "I want my money back NOW", "stop ignoring me", "3rd day without my bag and NOBODY CARES",
    "I have asked 5 times. five.", "get your act together", "absolutely livid right now", "this is a f***ing joke",
]
TW_TAGS = {"positive": ["#happy", "#thankyou", "#travel", "#greatservice"], "neutral": ["#travel", "#question",
           "#help", ""], "negative": ["#fail", "#delayed", "#worstairline", "#badservice", "#stranded"],
           "frustrated": ["#fail", "#neveragain", "#furious"]}


def tweet(template, label):
    handle = tw.choice(AIRLINES if tw.random() < 0.7 else OTHERS)
    text = re.sub(r"\{(\w+)\}", lambda m: TW_SLOTS[m.group(1)](), template)
    text = handle + " " + text if tw.random() < 0.9 else text + " " + handle
    if tw.random() < 0.15:
        text += " " + tw.choice(TW_TAGS[label])
    if tw.random() < 0.08:
        text += " http://t.co/" + "".join(tw.choice("abcdefghjkmnpqrstuvwxyz0123456789") for _ in range(8))
    if label == "positive" and tw.random() < 0.3:
        text += " " + tw.choice(EMO_POS)
    if label in ("negative", "frustrated") and tw.random() < 0.2:
        text += " " + tw.choice(EMO_NEG + EMO_ANGRY if label == "frustrated" else EMO_NEG)
    if tw.random() < 0.3:
        text = text.lower()
    return text.strip()


tweet_rows = []
for label, templates, count in (("neutral", TW_NEUTRAL, 250), ("positive", TW_POSITIVE, 200),
                                ("negative", TW_NEGATIVE, 260), ("frustrated", TW_FRUSTRATED, 80)):
    made = 0
    tries = 0
    while made < count and tries < count * 30:
        tries += 1
        text = tweet(templates[made] if made < len(templates) else tw.choice(templates), label)
        if text.lower() in seen:
            continue
        seen.add(text.lower())
        tweet_rows.append((text, label))
        made += 1

tw.shuffle(tweet_rows)
for row in tweet_rows:
    out.writerow(row)

# Fourth pass (issue 16, session 9): the register of real customer posts, which the third pass still missed. Written
# from what a development set in that register got wrong (tweets-real-traffic-dev.csv and tweets-dev.csv), never from
# a held-out set. Messages are composed from a domain's facts and a stance, so the same fact appears under every
# label: a problem told with a plain question is neutral ("my flight got cancelled, how do I get a refund?"), told
# with a complaint, sarcasm or thanks-for-nothing it is negative, and good news told without praise words ("landed 20
# min early, bags out in 10") is positive. Airlines weigh most, then telecoms, couriers, banks and shops. Dressed as
# people post: handles, links, hashtags, abbreviations, lower case, emoji, repeated marks. A generator of its own.
fp = random.Random(20261209)
FP_HANDLES = {"airline": ["@AltoAir", "@FlyKestrel", "@HarbourJet", "@LumaAirways", "@SunpathAir", "@OrbitAir"],
              "telecom": ["@VoxaMobile", "@LinkHome", "@SignalOne"],
              "delivery": ["@ParcelHawk", "@RoadRunnerUK", "@ShipNest"],
              "bank": ["@CoinBridge", "@FirstHarbor", "@PennyBank"],
              "retail": ["@Corner_Co", "@WardrobeHQ", "@BrightKitchen", "@PixelStore"]}
FP_WEIGHT = ["airline"] * 5 + ["telecom"] * 2 + ["delivery"] * 2 + ["bank"] + ["retail"] * 2
FP_SLOTS = {
    "city": ["Denver", "Boston", "Dublin", "Phoenix", "Lisbon", "Atlanta", "Calgary", "Leeds", "Munich", "Tampa"],
    "mins": ["20 min", "45 mins", "an hour", "90 min", "2 hrs", "3 hours", "4 hrs", "6 hours", "all day"],
    "days": ["2 days", "4 days", "a week", "10 days", "3 weeks", "a month", "6 weeks"],
    "num": [str(n) for n in (112, 340, 908, 1256, 2071, 45, 77, 619, 3302, 18)],
    "money": ["$25", "£40", "$60", "€35", "£12", "$150", "£85"],
    "name": ["Jo", "Raj", "Mel", "Tom", "Ines", "Kofi", "Bea", "Hugo"],
    "when": ["tomorrow", "friday", "next week", "tonight", "the 14th", "monday morning"],
}
FP = {
    "airline": {
        "problem": ["my flight got cancelled", "flight {num} is delayed", "my bag didn't come off the belt",
                    "I missed my connection in {city}", "my bag arrived damaged", "my seat got changed",
                    "I left my jacket on flight {num}", "the app won't let me check in", "my flight was moved to {when}",
                    "my passport is missing, I think I left it at security", "I paid for wifi and it didn't connect",
                    "we were split up from our bags after the rebooking", "the airline lost my pram",
                    "I got bumped off flight {num}", "my return flight was cancelled", "my bag is still in {city}"],
        "question": ["is it possible to move my flight to {when}?", "do you fly to {city}?", "how many bags come with the cheapest fare",
                     "is flight {num} on time?", "can I bring a car seat on board", "how much is an extra bag to {city}",
                     "is there wifi on the {city} route", "can I pick a seat for free", "when does boarding start for {num}",
                     "do I need to print my boarding pass", "can my kid sit with me without paying for seats",
                     "is the {city} lounge open this early", "what's the change fee on a flex fare",
                     "can I use miles for an upgrade on {num}", "are there direct flights to {city} in winter"],
        "bad": ["{mins} delay and not one announcement", "sat on the tarmac for {mins}", "bag lost for {days} now",
                "{mins} on hold then the line went dead", "cancelled {num} and rebooked me {when}",
                "paid for extra legroom, got a middle seat", "the gate agent just walked off mid conversation",
                "{mins} delay and not even a glass of water", "charged {money} for a bag that's meant to be included",
                "crew were rude to a passenger in a wheelchair", "gate changed 3 times and nobody said a word",
                "rebooked me through {city}, adding {mins}", "the hotel they gave us was a taxi ride away and the taxi was on us",
                "the wifi I paid {money} for never connected", "refund request sitting there for {days}",
                "my upgrade got taken away at the gate", "seat didn't recline and the screen was dead",
                "gate checked my cabin bag and it came back with a cracked shell", "waited {mins} for bags at {city}",
                "said on time until we were at the gate, then {mins} delay",
                "the 9:05 is now the 15:40", "boarded at 6, still parked at 8", "bag went to {city}, I didn't",
                "4 of us booked together, 4 different rows", "1 agent for 3 cancelled flights",
                "'confirmed' seat, then standby at the gate", "the meal I pre-ordered never made it on board",
                "refund promised in 7 days, it's been {days}", "told me 48 hours. that was {days} ago"],
        "good": ["landed {mins} early", "bags were out in 10 min", "money was back in my account in {days}",
                 "{name} at the {city} desk rebooked me in minutes", "crew on {num} kept the kids entertained",
                 "got moved to an exit row for free", "the pilot kept us updated the whole delay",
                 "they held the plane for our connection", "tracked my suitcase down and had it sent to my door",
                 "boarding was quick and calm", "the new seats have proper legroom", "upgraded me on my birthday",
                 "flight got cancelled and I was rebooked before I even reached the desk", "delay voucher hit my inbox automatically",
                 "crew sorted a seat swap so I could sit with my daughter", "bag made a tight connection in {city}",
                 "missed my connection and was on the next flight within the hour", "the delay compensation landed in {days}",
                 "they found my phone in the seat pocket and posted it back", "3 flights this month, all on time",
                 "asked for a blanket, got a blanket and a hot tea", "the captain walked the cabin during the delay answering questions",
                 "refund for the cancelled leg was back on my card next morning", "lost bag tracked down and at my door by lunch",
                 "checked bag was first off the belt", "the agent waived the change fee without me asking",
                 "an empty seat next to me and a crew member who remembered my name", "pilot made up 40 min of the delay in the air",
                 "the lounge let us in during the 5 hour delay", "rebooked onto a direct flight, home earlier than planned"],
    },
    "telecom": {
        "problem": ["my internet is down", "I've got no signal at home", "my bill looks higher this month",
                    "my new sim hasn't activated", "my router keeps restarting", "I'm moving house {when}",
                    "there's a charge on my bill I don't recognise", "my phone was stolen"],
        "question": ["is there an outage in {city}?", "how do I get my PAC code", "will my number stay the same on a new plan",
                     "does my plan cover roaming in Spain", "how long is left on my contract", "is fibre available in {city} yet",
                     "how do I set up wifi calling", "can I add a line for my son"],
        "bad": ["no internet for {days}", "engineer didn't turn up, again", "charged {money} extra with no warning",
                "{mins} on hold and the advice was to restart the router", "paying for 500mb, getting 9",
                "the chatbot sends me round in circles", "bill went up {money} and nobody told me",
                "contract says {money}, bill says double", "issue marked resolved. it isn't",
                "credit promised on my next bill. next bill came, no credit"],
        "good": ["engineer fixed it in {mins}", "speeds are exactly what you promised", "{name} sorted my bill in one call",
                 "new router set itself up in 5 min", "signal at the festival was perfect", "got a loyalty discount without asking",
                 "outage fixed before I'd finished reporting it", "bill is {money} lower since I switched", "no dropped calls since the new mast",
                 "the overcharge was credited back before my next bill", "moved house and the internet was live on day one"],
    },
    "delivery": {
        "problem": ["my parcel says delivered but it isn't here", "tracking hasn't updated since {when}",
                    "I missed the driver", "my package is held at the depot", "the parcel came damaged"],
        "question": ["can I change the delivery address", "what time will the driver come", "any chance of a weekend delivery",
                     "can you leave it with a neighbour", "how do I rebook a delivery for {when}", "is there a fee for redelivery"],
        "bad": ["parcel thrown over the gate", "marked delivered, nothing here, photo shows someone else's door",
                "{days} stuck in transit", "driver didn't even knock, I was home", "box soaked through on the doorstep",
                "third missed delivery this week", "depot only open while I'm at work",
                "the box came, what was in it didn't", "window 8-9, it's 2pm and no van"],
        "good": ["parcel arrived a day early", "driver hung on while I found my keys", "left it exactly where I asked",
                 "tracking was spot on, came in the 1 hour window", "box arrived in perfect condition",
                 "missed the driver and they came back the same evening", "parcel was lost and they refunded me the same day",
                 "driver carried the boxes up to the 3rd floor", "it came wrapped like it was going to the moon, not a scratch"],
    },
    "bank": {
        "problem": ["I lost my card", "a payment I don't recognise went out", "my transfer is pending",
                    "my card got declined abroad", "I'm locked out of the app", "the cash machine kept my card",
                    "someone's used my card online"],
        "question": ["how do I freeze my card", "how many days does a payment abroad take", "can I deposit a cheque with my phone camera",
                     "what's the daily withdrawal limit", "how do I get a replacement card", "can two of us share one account"],
        "bad": ["banking app offline all of pay day morning", "{money} overdraft fee for going 3p over", "transfer pending for {days}",
                "{mins} in the fraud queue", "card stopped working in Spain despite the travel note on my profile",
                "uploaded my payslips three times now", "a new card takes {days}",
                "blocked a payment to my own savings"],
        "good": ["a fraud alert caught a fake charge within minutes", "{name} waived the fee", "new card arrived next day",
                 "transfer landed in minutes", "chat support sorted it in {mins}",
                 "card got blocked abroad and was unblocked in one call", "they refunded the fraud payment the same day",
                 "a text flagged the fake charge straight away", "mortgage approved in a week"],
    },
    "retail": {
        "problem": ["my order came with an item missing", "the jacket doesn't fit", "I got the wrong colour",
                    "my discount code isn't working", "the lamp arrived broken", "the chair came with a leg missing",
                    "my order has said processing for days"],
        "question": ["do these jeans run small?", "is the walnut desk in stock in {city}", "how long do refunds take",
                     "can I return sale items", "do you price match", "when is the blue one back in stock",
                     "how much do I need to spend to get free shipping"],
        "bad": ["ordered the green armchair, a brown one turned up", "return sent {days} ago, still no refund",
                "half the order missing and charged in full", "shrank two sizes in the first wash",
                "it went on sale for {money} less a day after mine arrived", "paid for express, it took {days}",
                "support said the code was 'too late now'",
                "ordered 6, got 4 and some broken bits", "'ships in 24 hours' shipped in {days}", "a large that fits like a kids' size",
                "refund 'within 5 working days'. {days} later, nothing", "arrived the day after the party it was for"],
        "good": ["money was back in my account in {days}", "replacement sent without any fuss", "fits perfectly",
                 "exchange done in store in 2 min", "{name} in the {city} store explained it all twice for my gran without a sigh",
                 "lamp arrived broken, new one came 2 days later", "wore the jacket through a week of rain, still like new",
                 "the sofa looks better than the photos", "refund for the return was in my account before the parcel reached you"],
    },
}
FP_HELP = ["what are my options?", "what do I do now?", "who do I contact?", "how do I claim?", "can you help?",
           "what happens now?", "is that normal?", "who should I call", "do I need to do anything?",
           "where will it end up?", "how do I get it back?", "do I need to check in again?", "how long does that take",
           "can someone DM me?", "is there a form for that?", "how do I sort this?", "what's the next step?",
           "can you check for me?", "is it cash back or credit?", "where do I go?"]
FP_STANCE = ["not good enough", "this is a joke", "so disappointed", "do better", "unreal", "how is this ok?",
             "absolutely useless", "embarrassing", "never again", "what a mess", "shocking service",
             "I'm not impressed", "sort it out", "ridiculous", "is anyone actually working there?", "pathetic",
             "why do I bother", "how hard can it be", "worst experience I've had", ""]
FP_SARCASM = ["thanks for that", "thanks I guess", "truly life changing", "what an honour", "so generous", "thanks a lot", "cheers", "great job", "well done", "love that for me", "fantastic",
              "brilliant", "amazing service", "10/10", "👏👏", "can't wait to do it again", "really appreciate it",
              "lovely", "so helpful", "what a treat", "living the dream", "top work", "nice one", "you're the best 🙃",
              "glad I paid extra", "stellar as always", "very cool", "amazing, truly"]
FP_SARCASM_OPEN = ["love how", "great,", "oh good,", "so glad that", "nothing like when", "fantastic,", "wow,",
                   "gotta love it when", "brilliant,", "perfect,"]
FP_PRAISE = ["thank you!", "that's how it's done", "more of this please", "legend", "what a star", "appreciated",
             "well done", "10/10", "so impressed", "made my day", "can't complain", "thanks", "big thanks",
             "you guys are great", "honestly brilliant", "wasn't expecting that", "who knew", "", ""]
FP_FRUSTRATED = ["this is the {nth} time I'm asking", "I've called {n} times", "I want a manager. NOW",
                 "answer me!!!", "I'm done with you", "filing a complaint", "chargeback it is",
                 "enough is enough", "still nothing. STILL.", "stop ignoring me", "I'm so sick of this",
                 "reported to the regulator", "give me my money back", "WHY is this so hard"]
FP_ABBR = [(r"\byou\b", "u"), (r"\byour\b", "ur"), (r"\bplease\b", "pls"), (r"\bthanks\b", "thx"),
           (r"\bhours\b", "hrs"), (r"\bminutes\b", "mins"), (r"\bbecause\b", "bc"), (r"\bwith\b", "w/"),
           (r"\bpeople\b", "ppl"), (r"\bright now\b", "rn")]
FP_TAGS = {"positive": ["#thankyou", "#happycustomer", "#GreatService", "#impressed"],
           "neutral": ["#help", "#travel", "#question", "#TravelTips"],
           "negative": ["#fail", "#NeverAgain", "#CustomerService", "#disappointed", "#stranded", "#delayed"],
           "frustrated": ["#fail", "#NeverAgain", "#fuming", "#WorstAirline"]}


def fp_fill(text):
    text = text.replace("{nth}", fp.choice(["third", "4th", "fifth", "3rd"])).replace("{n}", fp.choice(["5", "six", "7"]))
    return re.sub(r"\{(\w+)\}", lambda m: fp.choice(FP_SLOTS[m.group(1)]), text)


def fp_message(label, facts):
    if label == "neutral":
        form = fp.random()
        if form < 0.45:
            return fp.choice(facts["problem"]) + fp.choice([", ", ". ", " - ", " "]) + fp.choice(FP_HELP)
        if form < 0.85:
            return fp.choice(["", "", "", "hi, ", "hey ", "quick q: ", "hello! "]) + fp.choice(facts["question"])
        return fp.choice(facts["problem"]) + ", " + fp.choice(facts["question"])
    if label == "negative":
        form = fp.random()
        bad = fp.choice(facts["bad"])
        if form < 0.35:
            return (bad + fp.choice([". ", ". ", "!! ", "?? ", " - "]) + fp.choice(FP_STANCE)).strip(" -")
        if form < 0.65:
            return bad + fp.choice([". ", ", ", " "]) + fp.choice(FP_SARCASM)
        if form < 0.8:
            return fp.choice(FP_SARCASM_OPEN) + " " + bad
        if form < 0.9:
            return fp.choice(facts["problem"]) + " and " + bad
        return bad
    if label == "positive":
        good = fp.choice(facts["good"])
        form = fp.random()
        if form < 0.55:
            return (good + fp.choice([". ", "! ", ", ", " "]) + fp.choice(FP_PRAISE)).strip(" ,")
        if form < 0.75:
            return fp.choice(["thanks", "thank you", "big thanks", "shoutout"]) + fp.choice([", ", " - ", " "]) + good
        return (fp.choice(["was dreading this but", "honestly,", "not gonna lie,", "ok", "wow,", "fair play,"]) + " "
                + good + fp.choice([". thanks!", ", thank you", "", " 🙏", ". impressed"])).strip()
    bad = fp.choice(facts["bad"])
    frustrated = fp.choice(FP_FRUSTRATED)
    return bad + ". " + frustrated if fp.random() < 0.6 else frustrated + ". " + bad


def fp_dress(text, label, domain):
    text = fp_fill(text)
    if fp.random() < 0.3:
        for pattern, short in FP_ABBR:
            if fp.random() < 0.6:
                text = re.sub(pattern, short, text)
    handle = fp.choice(FP_HANDLES[domain])
    place = fp.random()
    text = handle + " " + text if place < 0.8 else text + " " + handle if place < 0.9 else text
    if fp.random() < 0.15:
        text += " " + fp.choice(FP_TAGS[label])
    if fp.random() < 0.1:
        text += " https://t.co/" + "".join(fp.choice("abcdefghjkmnpqrstuvwxyzAB0123456789") for _ in range(10))
    if label == "positive" and fp.random() < 0.3:
        text += " " + fp.choice(EMO_POS)
    if label in ("negative", "frustrated") and fp.random() < 0.2:
        text += " " + fp.choice(EMO_NEG + (EMO_ANGRY if label == "frustrated" else []))
    if label == "frustrated" and fp.random() < 0.25:
        text = text.upper()
    elif fp.random() < 0.45:
        text = text.lower()
    return text.strip()


fourth_rows = []
for label, count in (("neutral", 340), ("negative", 330), ("positive", 280), ("frustrated", 90)):
    made = 0
    tries = 0
    while made < count and tries < count * 30:
        tries += 1
        domain = fp.choice(FP_WEIGHT)
        text = fp_dress(fp_message(label, FP[domain]), label, domain)
        if text.lower() in seen:
            continue
        seen.add(text.lower())
        fourth_rows.append((text, label))
        made += 1

fp.shuffle(fourth_rows)
for row in fourth_rows:
    out.writerow(row)


# Fifth pass (issue 16, session 10): more varied posts in the airline-customer register, written from what the
# development sets got wrong (tweets-hard-dev.csv, tweets-real-traffic-dev.csv), never from a held-out set. New
# fragments and new shapes: complaints told as bare facts with times, dates and counts; polite complaints ("I'd
# appreciate an explanation"); complaints asked as questions ("why is...?") beside information questions ("can I...?");
# sarcasm that thanks; praise told as a plain good fact; neutral posts that are plans, logistics or a DM sent.
# Airlines weigh most. A generator of its own, so the rows above stay the same.
fv = random.Random(20261210)
FV_HANDLES = {"airline": ["@CirrusWay", "@MeridianAir", "@TernAirlines", "@PolarisJet", "@SaltmarshAir", "@ZephyrFly",
                          "@CopperwingAir"],
              "telecom": ["@Linkfield", "@NovaMobile", "@Beamline"],
              "delivery": ["@Dropwell", "@CrateRun"],
              "bank": ["@Ledgerly", "@FirstOakBank"],
              "retail": ["@Woolhaven", "@Gadgetry"]}
FV_WEIGHT = ["airline"] * 6 + ["telecom"] * 2 + ["delivery"] + ["bank"] + ["retail"]
FV_SLOTS = {
    "num": ["flight 1172", "1490", "fl 611", "#2218", "the 7:40", "flight 83", "the 5:55 to Reno", "3306", "the red-eye",
            "flight 950", "my 6am", "the 14:20"],
    "city": ["Tulsa", "SLC", "Raleigh", "Omaha", "PDX", "Boise", "Sacramento", "CLT", "Nashville", "MSP", "Tampa",
             "San Juan", "Reno", "Buffalo", "DCA", "Albany", "El Paso"],
    "t1": ["8:10", "9:45", "noon", "6:30", "7am", "1:15", "10:20"],
    "t2": ["2:50", "4:35", "midnight", "3pm", "11:40", "5:15", "9pm"],
    "hrs": ["2 hrs", "three hours", "4 hours", "90 min", "5 hrs", "2.5 hours", "6 hours"],
    "mins": ["40 min", "an hour", "75 minutes", "50 mins", "1h20", "2 hours", "35 minutes"],
    "days": ["4 days", "nine days", "2 weeks", "a month", "6 weeks", "11 days", "3 weeks"],
    "month": ["January", "Feb", "March", "August", "June", "October", "last spring"],
    "money": ["$35", "$70", "$150", "$89", "$12", "$240", "£45", "$60"],
    "seat": ["22B", "31E", "9C", "17A", "40F", "12D"],
    "gate": ["B7", "C22", "A4", "D31", "E9", "gate 16"],
    "name": ["Priya", "Marcus", "Elena", "Tom", "Grace", "Luis", "Aisha", "Ben"],
    "pet": ["my cat", "a small dog", "my emotional support dog", "a rabbit", "my puppy"],
    "item": ["a booster seat", "a folding bike", "skis", "a cello", "a wedding dress", "golf clubs", "a surfboard",
             "a CPAP machine", "a stroller", "breast milk"],
    "day": ["friday", "Sunday", "tomorrow", "the 14th", "next Tuesday", "Monday morning", "Thursday night"],
}
FV = {
    "airline": {
        "bad": ["{t1} departure. it's {t2} and we're still at the gate", "boarding pass says {gate}, the screen says another gate, the agent says ask someone else",
                "checked in online and still queued {mins} at bag drop", "{num} just got pushed back for the 4th time",
                "the crew timed out after we sat on the plane for {hrs}", "new itinerary gets me in after my meeting is over",
                "my bag is in {city}. I am not. day 3", "suitcase came back with a wheel snapped off",
                "booked aisle seats in {month}, got middles in different rows", "one person at the transfer desk and a line out the door",
                "{mins} on the phone and the call dropped the moment someone picked up", "hotel voucher for {money}, cheapest room was triple that",
                "{money} overweight fee, scale at home said 21kg", "took {days} to answer my DM and the answer was a link to the FAQ",
                "refund requested in {month}. status: processing", "bought the wifi, it never connected once",
                "food ran out by row 12", "no screens, no power, 5 hour flight", "app froze at the payment screen and the fare was {money} more on retry",
                "the app says on time, the board says cancelled", "3 gate changes, 2 terminals, still no plane",
                "captain said 20 minutes. that was {hrs} ago", "landed at {t1}, bags came out at {t2}", "stroller came off the plane bent in half",
                "my upgrade went to someone who booked yesterday", "no hotel, no meal voucher, told to sleep at the gate",
                "paid for priority bags, waited till the belt stopped", "paid for seat {seat}, got moved, seat fee never refunded",
                "agent shrugged when I asked if I'd make my connection", "{hrs} parked on the taxiway, cabin like an oven",
                "the 'short delay' is now {hrs}", "flight Cancelled Flightled at the gate, next seat is on {day}",
                "Late Flight arrival, missed the last train home", "we were told to deplane, then reboard, then deplane again",
                "my mileage award disappeared from the account", "{num} oversold by 14 seats", "nobody announced the gate change",
                "lavatory out of order on a {hrs} flight", "my carry-on got taken at the door and sent to {city}",
                "two hours to get a wheelchair to the gate for my dad", "tray table sticky, seat pocket full of someone's trash",
                "was told my bag would be checked through. it wasn't", "the kiosk printed someone else's boarding pass",
                "the rebooking line has a 6 hour callback time", "seat assignment vanished after the aircraft swap",
                "'weather' delay on a clear blue day"],
        "good": ["bag was already on the carousel when we got there", "{name} at {gate} got the whole family seated together",
                 "the refund landed in {days}, before the date you gave me", "landed {mins} ahead of schedule",
                 "they held {num} for the six of us coming off the late connection", "crew found my son's teddy under a seat and ran it out to us",
                 "rebooked automatically, new boarding pass already in the app", "change fee waived when my mum got sick",
                 "the pilot updated us every ten minutes during the weather hold", "wifi was good enough for a video call at 35,000 feet",
                 "moved up to first for free", "lost bag was brought to my hotel by evening", "call answered in 2 minutes, sorted in 5",
                 "swapped me to the 2pm for free so I'd make the wedding", "a flight attendant walked my grandmother to her connection",
                 "DM answered in 10 minutes with a credit on my account", "bumped, but got {money} and a seat 40 min later",
                 "the agent in {city} skipped her break to sort out my reissued ticket", "travelled with {pet} and the crew were lovely to her",
                 "checked {item} and it came out without a scratch", "a blanket and a hot tea before I even asked",
                 "cancelled on me but rebooked and a hotel sorted within minutes", "the new app rebooked me with two taps",
                 "got my miles back after one message", "ground crew waved us through the fast lane when they saw the baby",
                 "the refund hit my account this morning", "money for the cancelled leg is back on my card already",
                 "the missing suitcase was dropped at my house the next day", "the agent cleared the waitlist and got us 2 seats side by side",
                 "delayed 3 hours, but the crew handed out dinner and kept us posted", "missed my connection, new boarding pass was waiting in the app when we landed",
                 "overbooked flight, took the voucher, got {money} and a seat on the next one", "bags came off first, in and out in 15 min",
                 "the lost and found posted my kindle back to me", "stuck overnight in {city} and the hotel was already booked for us",
                 "my complaint got a real answer and a {money} credit", "flight cancelled, new one leaves earlier than the old one did"],
        "problem": ["my flight shows delayed", "my bag didn't come off the belt in {city}", "I missed my connection in {city}",
                    "my departure was changed to {day}", "I was charged twice for seat {seat}", "my name is spelled wrong on the ticket",
                    "the app won't let me check in", "my passport expires in 5 months", "{num} was Cancelled Flightled",
                    "I left my phone on {num}", "my return flight disappeared from the app", "my travel credit isn't showing"],
        "info": ["can I bring {pet} in the cabin?", "how many kilos can I check to {city}?", "is {num} on time?",
                 "can I pick a seat on a basic fare?", "do you fly direct from {city} to Denver?", "when does the {month} schedule open?",
                 "how do I add my frequent flyer number to a booking?", "is there a fee to correct a name on a ticket?",
                 "does a backpack count as my personal item?", "does the lounge in {city} sell day passes?",
                 "what's the bag drop cutoff at {city}?", "what time does the desk open in {city}?", "is {num} a 737 or an A320?",
                 "how do I request a vegetarian meal?", "does a baby under 2 need a ticket?", "can I fly with {item}?",
                 "do you have a status match?", "any window seats left on {num}?", "can I still add a bag to my return?",
                 "will my miles post if I booked through a partner?", "what ID does a 16 year old need to fly?",
                 "how many days before can I check in?", "do you do gift cards?", "is the {city} route year round?",
                 "where is the lost and found at {city}?", "can I pay for an upgrade at the gate?"],
        "plan": ["flying {city} to Denver on {day}", "never flown with you before, going {day}", "at {gate} waiting for {num}",
                 "just booked my {month} trip to {city}", "booking ref is in your inbox now", "sent you a DM about my booking",
                 "my confirmation number is in your DMs", "need to update the passport number on my booking",
                 "I'd like to add a checked bag to my return", "heading to {city} for work {day}", "checking in for {num} now",
                 "on {num} tonight", "travelling with {item} on {day}", "mom flies {num} on {day}, she'll need a wheelchair"],
    },
    "telecom": {
        "bad": ["paying for 300mb, speed test says 11", "the engineer window was 8 till 6. nobody came",
                "{days} without a landline", "roaming charge of {money} for 2 texts", "router replaced twice, same dropouts",
                "moved my plan without asking and the bill went up {money}", "the app says no outage. my street says otherwise"],
        "good": ["the engineer had it working in {mins}", "{name} knocked {money} off my bill in one call",
                 "speed's doubled since the upgrade", "switched my number over in under an hour"],
        "info": ["do you cover roaming in Portugal?", "can I keep my number if I switch?", "is fibre live in {city}?",
                 "how do I request a PAC code?", "can I add a second sim?"],
        "plan": ["moving house on {day}, need the broadband moved", "DM sent with my account number"],
        "problem": ["my internet dropped out", "the new sim says no service", "my bill has a charge I don't know"],
    },
    "delivery": {
        "bad": ["'delivered' at 2:14pm. I was home, nobody knocked", "tracking stuck on 'in transit' for {days}",
                "box dumped on the step in a downpour", "the delivery photo shows a red door. mine is white"],
        "good": ["parcel turned up a day early", "driver gave me the time to get down from the 4th floor", "redelivered the same evening"],
        "info": ["can I change the delivery day to {day}?", "can the driver leave it in the porch?", "what time is the van due?"],
        "plan": ["I'll be out {day}, leave it with a neighbour pls"],
        "problem": ["the tracker has shown 'with driver' since {day}", "the parcel went to my old address"],
    },
    "bank": {
        "bad": ["card declined at the checkout even though I told you I'm travelling", "transfer 'pending' for {days}",
                "{money} fee for a payment that bounced because of your outage", "locked out of the app on pay day"],
        "good": ["fraud team stopped a fake charge before I noticed", "new card arrived the next morning", "{name} waived the late fee"],
        "info": ["how do I freeze my card in the app?", "what's the limit for contactless?", "can I open an account for my teenager in the app?"],
        "plan": ["travelling to {city} on {day}, noting it here for my card"],
        "problem": ["a payment I don't recognise is on my card", "my card got stuck in the cash machine"],
    },
    "retail": {
        "bad": ["order said 2 day shipping, arrived in {days}", "returned in {month}, refund still not in",
                "got one shoe in a 9 and one in a 10", "the 'new' laptop had someone's photos on it"],
        "good": ["the exchange pair came before I'd even sent the first back", "refund was in my account in {days}",
                 "the jacket held up through a week of downpours"],
        "info": ["do the boots run large?", "is the grey sofa back in stock soon?", "can I return something bought on sale?"],
        "plan": ["ordered a birthday gift for {day}, just checking it'll make it"],
        "problem": ["my order still says processing", "the coat came in the wrong size"],
    },
}
FV_HELP = ["what now?", "new time?", "what should I do?", "who do I speak to?", "is that normal?", "what are my options",
           "does that change anything for me?", "where do I go from here?", "can you check?", "how do I sort it?", "any update?",
           "which counter should I queue at?", "can someone DM me?", "is there a form?", "what's the process?"]
FV_STANCE = ["not ok", "really not happy", "poor", "disappointing", "expected better", "come on", "seriously",
             "unbelievable", "hm.", "great start to the trip", "not acceptable", "do better please", "this is bad",
             "terrible", "very poor service", "what a shambles", "zero communication", "no apology either", "awful", "😑"]
FV_POLITE = ["I'd appreciate an explanation: {bad}", "hi, I'm quite disappointed. {bad}", "could someone explain why {bad}?",
             "not trying to be difficult but {bad}", "with respect, {bad}", "just so you know, {bad}",
             "I would like a response please. {bad}", "hello, I'm a loyal customer and {bad}", "please look into this: {bad}",
             "sorry to complain but {bad}", "I hope someone reads this. {bad}", "dear team, {bad}"]
FV_SARCASM = ["{bad}. thanks so much", "{bad}. love it", "{bad}. living the dream", "{bad} 👏", "{bad}. so that's fun",
              "awesome, {bad}", "thanks {handle}, {bad}", "{bad}. really appreciate it", "{bad}. great work everyone",
              "{bad}. 5 stars", "{bad}. what a treat", "nice touch: {bad}", "{bad}. love this for me", "{bad}, lovely",
              "{bad}. you've outdone yourselves", "{bad}. can't make this up", "{bad}. thanks for the memories",
              "the best part? {bad}", "{bad}. such a pleasure", "{bad}. perfect"]
FV_ASK = ["why is it that {bad}?", "how is it acceptable that {bad}?", "is anyone going to explain why {bad}?",
          "{bad}. why?", "{bad}. how?", "{bad}. what happened?", "{bad}. is this normal for you?", "{bad}. who signed off on this?",
          "{bad}. how is that ok", "{bad} - any explanation?"]
FV_PRAISE = ["thank you", "appreciate it", "grateful", "good job", "A+", "this is why I fly with you", "well done team",
             "so relieved", "nice one", "made the trip", "💙", "👌", "can't fault it", "you've won me over", "", "", ""]
FV_FRUSTRATED = ["{n} calls, {n} different answers", "I'm at my wits' end", "I have HAD it", "this has gone past funny",
                 "never again. I mean it", "I need a real person NOW", "enough!!", "ANSWER YOUR DMS", "filing with the DOT",
                 "I've asked {n} times", "hours. HOURS.", "how many times do I have to ask", "I'm so done with this airline",
                 "last time I book with you", "sort it by the weekend or my bank hears about it", "do your job!!",
                 "am I talking to a wall??", "still no reply. STILL"]
FV_ABBR = [(r"\byou\b", "u"), (r"\byour\b", "ur"), (r"\bplease\b", "pls"), (r"\bthanks\b", "thx"), (r"\bhours\b", "hrs"),
           (r"\bminutes\b", "mins"), (r"\bwith\b", "w/"), (r"\bthough\b", "tho"), (r"\btomorrow\b", "tmrw")]
FV_TAGS = {"positive": ["#thankyou", "#traveltuesday", "#happyflyer", "#TopService"],
           "neutral": ["#travel", "#question", "#help", "#wanderlust", "#businesstravel"],
           "negative": ["#fail", "#CustomerServiceFail", "#unhappy", "#disappointed"],
           "frustrated": ["#fail", "#NeverAgain", "#boycott", "#furious"]}


def fv_fill(text):
    text = text.replace("{n}", fv.choice(["4", "five", "6", "3"]))
    return re.sub(r"\{(\w+)\}", lambda m: fv.choice(FV_SLOTS[m.group(1)]) if m.group(1) in FV_SLOTS else m.group(0), text)


def fv_message(label, facts):
    if label == "neutral":
        form = fv.random()
        if form < 0.45:
            return fv.choice(["", "", "", "hi ", "hey, ", "quick question - ", "hello, ", "morning! "]) + fv.choice(facts["info"])
        if form < 0.7:
            return fv.choice(facts["problem"]) + fv.choice([", ", ". ", " - ", " "]) + fv.choice(FV_HELP)
        if form < 0.92:
            return fv.choice(facts["plan"])
        return fv.choice(facts["plan"]) + ". " + fv.choice(facts["info"])
    if label == "negative":
        bad = fv.choice(facts["bad"])
        form = fv.random()
        if form < 0.3:
            return bad
        if form < 0.5:
            return bad + fv.choice([". ", ". ", " - ", "... "]) + fv.choice(FV_STANCE)
        if form < 0.65:
            return fv.choice(FV_POLITE).replace("{bad}", bad)
        if form < 0.87:
            return fv.choice(FV_SARCASM).replace("{bad}", bad)
        return fv.choice(FV_ASK).replace("{bad}", bad)
    if label == "positive":
        good = fv.choice(facts["good"])
        form = fv.random()
        if form < 0.4:
            return good
        if form < 0.8:
            return (good + fv.choice([". ", "! ", ", ", " - "]) + fv.choice(FV_PRAISE)).strip(" ,-")
        return fv.choice(["thank you for this:", "shoutout,", "credit where it's due,", "have to say,", "not often I post this but"]) + " " + good
    bad = fv.choice(facts["bad"])
    frustrated = fv.choice(FV_FRUSTRATED)
    return bad + ". " + frustrated if fv.random() < 0.55 else frustrated + ". " + bad


def fv_dress(text, label, domain):
    handle = fv.choice(FV_HANDLES[domain])
    text = fv_fill(text.replace("{handle}", handle))
    if fv.random() < 0.3:
        for pattern, short in FV_ABBR:
            if fv.random() < 0.5:
                text = re.sub(pattern, short, text)
    place = fv.random()
    text = handle + " " + text if place < 0.85 else text + " " + handle if place < 0.93 else text
    if fv.random() < 0.15:
        tags = FV_TAGS[label] + (["#delayed", "#stranded", "#lostluggage"] if domain == "airline" and label != "positive" and label != "neutral" else [])
        text += " " + fv.choice(tags)
    if fv.random() < 0.08:
        text += " https://t.co/" + "".join(fv.choice("abcdefghjkmnpqrstuvwxyzAB0123456789") for _ in range(10))
    if label == "positive" and fv.random() < 0.25:
        text += " " + fv.choice(EMO_POS)
    if label in ("negative", "frustrated") and fv.random() < 0.15:
        text += " " + fv.choice(EMO_NEG + (EMO_ANGRY if label == "frustrated" else []))
    if label == "frustrated" and fv.random() < 0.2:
        text = text.upper()
    elif fv.random() < 0.5:
        text = text.lower()
    return text.strip()


fifth_rows = []
for label, count in (("neutral", 300), ("negative", 380), ("positive", 300), ("frustrated", 90)):
    made = 0
    tries = 0
    while made < count and tries < count * 30:
        tries += 1
        domain = fv.choice(FV_WEIGHT)
        text = fv_dress(fv_message(label, FV[domain]), label, domain)
        if text.lower() in seen:
            continue
        seen.add(text.lower())
        fifth_rows.append((text, label))
        made += 1

fv.shuffle(fifth_rows)
for row in fifth_rows:
    out.writerow(row)
