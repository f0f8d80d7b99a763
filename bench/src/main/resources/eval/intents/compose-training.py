"""Composes more training rows for Parley's built-in commerce intents from hand-written phrases (CC0, written for Parley).

Every phrase below was written for Parley; no sentence comes from another data set. Each intent has
  - actions: what the shopper wants to do, as a verb phrase ("cancel order {order}"), put into frames of many
    registers ("I'd like assistance to ...", "I don't know how to ...", "could u help me ...", angry, rambling);
  - sentences: whole messages written out, used as they are (with the same light noise).
Slots ({order}, {amount}, {email}, {date}, {item}, {acct}, {name}, {product}) are filled with invented values, some
as the placeholders support tools write ("{{Order Number}}"). Noise: missing apostrophes, lower case, a typo, text
speak, shouting. The composition is seeded, so the output is reproducible:

  python3 bench/src/main/resources/eval/intents/compose-training.py \
      > server/src/main/resources/assistant/intents/builtin-composed.csv

Rows whose text (case, space and punctuation aside) is in an evaluation file or in the hand-written training files
are left out, so no evaluation text is trained on.
"""
import csv
import os
import random
import re
import sys

rnd = random.Random(20261207)
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "../../../../../.."))
PER_INTENT = 120
OOS_ROWS = 520

NAMES = ["maria", "john", "aisha", "tom", "li wei", "sven", "priya", "carlos", "emma", "jake", "fatima", "olga",
         "{{Person Name}}", "{{Client First Name}}"]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.co.uk", "icloud.com", "web.de", "proton.me"]
PRODUCTS = ["trail runners", "rain jacket", "coffee grinder", "desk lamp", "wool sweater", "phone case", "sofa",
            "bluetooth speaker", "yoga mat", "kids bike", "blender", "jeans", "sneakers", "backpack", "duvet cover",
            "air fryer", "office chair", "hoodie", "headphones", "dress", "kettle", "smartwatch", "{{Product Name}}"]
ITEMS = ["order", "package", "parcel", "article", "item", "purchase", "product", "stuff", "shipment", "delivery",
         "goods", "articles", "items", "things i bought"]
ACCTS = ["account", "user account", "profile", "customer account", "online account", "user profile",
         "{{Account Type}} account", "premium account", "business account", "standard account", "platinum account",
         "free account", "gold account", "shop account"]
DATES = ["last monday", "yesterday", "on the 3rd", "12/02", "november 28", "two weeks ago", "on friday",
         "10 days ago", "last month", "3 days ago", "dec 1", "a week ago", "{{Date}}", "on 28/11"]
CURRENCIES = ["${a}", "{a} dollars", "{a} usd", "€{a}", "{a} euros", "£{a}", "{a} pounds", "{a} eur",
              "{{Currency Symbol}}{{Refund Amount}}", "{{Refund Amount}} dollars", "{a}$"]


def order_number():
    n = str(rnd.choice([rnd.randint(100, 999), rnd.randint(1000, 99999), rnd.randint(100000, 99999999)]))
    form = rnd.choice(["#{n}", "order {n}", "order #{n}", "order number {n}", "order no {n}", "ord-{n}",
                       "ORD-{n}", "{n}", "order nr. {n}", "{{Order Number}}", "order {{Order Number}}",
                       "purchase {{Order Number}}", "order id {n}", "the order {n}"])
    return form.replace("{n}", n)


def amount():
    a = rnd.choice([str(rnd.randint(5, 400)), "%d.%02d" % (rnd.randint(5, 900), rnd.randint(0, 99))])
    return rnd.choice(CURRENCIES).replace("{a}", a)


def email():
    return rnd.choice(["{n}.{s}@{d}", "{n}{k}@{d}", "{n}_{s}@{d}", "{{Email Address}}"]).format(
        n=rnd.choice(["maria", "jdoe", "aisha", "tom", "kev", "priya", "c.ruiz", "emma", "sven"]),
        s=rnd.choice(["smith", "k", "lopez", "b", "shop"]), k=rnd.randint(1, 99), d=rnd.choice(DOMAINS))


SLOTS = {
    "order": order_number, "amount": amount, "email": email, "date": lambda: rnd.choice(DATES),
    "item": lambda: rnd.choice(ITEMS), "acct": lambda: rnd.choice(ACCTS), "name": lambda: rnd.choice(NAMES),
    "product": lambda: rnd.choice(PRODUCTS),
}


def fill(text):
    return re.sub(r"(?<!\{)\{(\w+)\}(?!\})", lambda m: SLOTS[m.group(1)](), text)


# Frames of a verb phrase: polite, indirect, plain, informal, lost, rambling.
FRAMES = [
    "{vp}", "{vp}", "{vp}", "i want to {vp}", "i'd like to {vp}", "i need to {vp}", "i have got to {vp}",
    "i've got to {vp}", "i gotta {vp}", "i wanna {vp}", "how do i {vp}", "how can i {vp}", "how to {vp}",
    "where can i {vp}", "where do i {vp}", "can i {vp}", "could i {vp}", "is it possible to {vp}",
    "i don't know how to {vp}", "i dont know how to {vp}", "no idea how to {vp}", "help me {vp}",
    "can you help me {vp}", "could you help me to {vp}", "could you help me {vp}", "i'd like assistance to {vp}",
    "i need assistance to {vp}", "i need help to {vp}", "i need some help to {vp}", "i'm trying to {vp}",
    "im trying to {vp} but i cant", "can you tell me how to {vp}", "tell me how i can {vp}",
    "what do i have to do to {vp}", "what's the procedure to {vp}", "show me how to {vp}",
    "i would like to {vp}, can you help", "i am looking for help to {vp}", "assist me to {vp}",
    "i want help to {vp}", "would it be possible to {vp}", "where could i {vp}", "i cannot {vp}",
    "i can't figure out how to {vp}", "i was wondering how i could {vp}", "wanna {vp}", "need to {vp} asap",
    "i want u to help me {vp}", "where to {vp}", "i'd like to know how to {vp}", "what is the way to {vp}",
    "i'm not sure how to {vp}", "ok so i need to {vp}", "can you please help me {vp}?",
    "i'm having trouble trying to {vp}", "i would need to {vp}", "how could i {vp}", "i want assistance to {vp}",
    "is there a way to {vp}", "i need you to {vp}", "please {vp}", "plz {vp}", "i am trying to {vp}",
    "hey so i wanted to {vp} but i'm confused about how it works on your site",
    "i have been trying to {vp} for ages and i just can't, help", "what do i do to {vp}",
    "could you tell me how i can {vp}", "i'd appreciate some help to {vp}", "can u {vp} for me",
    "i've been asked to {vp}, how does that work", "where would i go to {vp}",
]
PREFIXES = ["", "", "", "", "", "hi ", "hello, ", "hey ", "good morning, ", "hi there. ", "excuse me, ",
            "sorry to bother you, ", "quick question: ", "ok ", "so ", "um ", "yo ", "dear support, ",
            "my name is {name} and ", "hi it's {name}, ", "good afternoon. ", "hiya, ", "hello there, "]
SUFFIXES = ["", "", "", "", "", " please", " pls", " plz", " asap", "?", " thanks", " thank you",
            ", thanks in advance", " right now", " today", ". can you help?", " !!", "??", ", it's urgent",
            " on your website", " online", " through the app", ", my email is {email}", " x",
            " because i'm leaving on holiday soon", ", i'm not very good with computers"]
ANGRY_PREFIXES = ["this is ridiculous, ", "wtf ", "for fuck's sake ", "seriously? ", "third time asking: ",
                  "i'm so angry. ", "you guys are useless. ", "unbelievable. ", "i'm sick of this, ",
                  "what a crap service, "]
ANGRY_SUFFIXES = [" or i'll sue", " damn it", " NOW", ", this is a joke", ", i'm fed up", "!!!",
                  " immediately", " or i'm reporting you", ", im furious", " you idiots"]
TEXT_SPEAK = [(r"\byou\b", "u"), (r"\byour\b", "ur"), (r"\bplease\b", "pls"), (r"\bare\b", "r"),
              (r"\bbecause\b", "cuz"), (r"\bthanks\b", "thx"), (r"\bto\b", "2"), (r"\bfor\b", "4")]


def typo(word):
    if len(word) < 4 or not word.isalpha():
        return word
    i = rnd.randrange(1, len(word) - 1)
    kind = rnd.random()
    if kind < 0.35:
        return word[:i] + word[i + 1:]
    if kind < 0.7:
        return word[:i - 1] + word[i] + word[i - 1] + word[i + 1:]
    return word[:i] + word[i] + word[i:]


def noise(text):
    if rnd.random() < 0.35:
        text = text.replace("'", "")
    if rnd.random() < 0.25:
        words = text.split(" ")
        for _ in range(rnd.choice([1, 1, 2])):
            k = rnd.randrange(len(words))
            words[k] = typo(words[k])
        text = " ".join(words)
    if rnd.random() < 0.15:
        for pattern, short in rnd.sample(TEXT_SPEAK, 3):
            text = re.sub(pattern, short, text)
    r = rnd.random()
    if r < 0.3:
        text = text[:1].upper() + text[1:]
        text = re.sub(r"\bi\b", "I", text)
    elif r < 0.33:
        text = text.upper()
    return text


def compose(core, angry=False, small_talk=False):
    if small_talk:
        return noise(core + rnd.choice(["", "", "", "!", " :)", "!!", " 🙂", ".", "..."]))
    prefix, suffix = rnd.choice(PREFIXES), rnd.choice(SUFFIXES)
    if angry or rnd.random() < 0.05:
        prefix, suffix = rnd.choice(ANGRY_PREFIXES + [prefix]), rnd.choice(ANGRY_SUFFIXES + [suffix])
    text = fill(prefix + core + suffix)
    text = re.sub(r"\b(order|purchase) (the order|order|purchase)\b", r"\1", text)
    return noise(text).strip()


# intent -> (actions, sentences, share of angry frames)
INTENTS = {}


def intent(label, actions, sentences, angry=0.0):
    INTENTS[label] = (actions, sentences, angry)


intent("order_status", [
    "track my order", "track order {order}", "check the status of my order", "check the status of {order}",
    "find out where my {item} is", "locate my {item}", "see where my package is", "track my parcel",
    "get an update on {order}", "check if {order} has shipped", "find my tracking number",
    "follow my shipment", "see the tracking for {order}", "know where my purchase is right now",
    "check on the order i placed {date}", "chase up {order}", "find out why my order is late",
    "check whether my {item} has been dispatched", "get the tracking link for my order",
    "see my order status", "check my order progress", "look up {order}",
], [
    "where is my order", "where is {order}", "where's my stuff", "my order {order} hasn't arrived yet",
    "{order} still not here", "tracking hasn't updated in 5 days", "it's been two weeks and my package is still not here",
    "the parcel says delivered but i never got it", "my order from {date} is still processing, what's going on",
    "status of {order}?", "has {order} shipped yet", "my package is late", "order status",
    "i ordered {date} and nothing has come, order number {order}", "is my order on its way",
    "where the hell is my package", "my tracking number doesn't work", "my parcel is stuck in transit",
    "the courier says it was delivered but there's nothing here", "any news on {order}?",
    "can you check on my {item}, i ordered it {date} with {email}", "when will {order} arrive, it's already late",
    "my delivery was supposed to come {date} and it didn't", "what's happening with my order {order}",
    "i have been waiting forever for my {item}, where is it", "still waiting on my parcel",
    "your site says shipped {date} but tracking shows nothing", "order {order} - where is it?",
    "hey my order hasn't moved since {date}", "i need to know where my order is, it was a gift",
], 0.08)

intent("shipping_info", [
    "check your shipping costs", "know how much shipping costs", "find out if you ship to canada",
    "see the shipping fees to australia", "know which countries you ship to", "check if shipping is free",
    "get free shipping", "find your shipping policy", "know which courier you use", "ship to a po box",
    "ship an order abroad", "know about customs fees", "check the shipping rates for a big {product}",
    "find out the minimum for free delivery", "know if you deliver to my country",
], [
    "how much is shipping", "do you ship to ireland", "is shipping free", "what are your shipping costs",
    "do you ship internationally", "what courier do you use", "will i pay customs on an order to norway",
    "how much does delivery cost to the uk", "whats the free shipping threshold", "do you deliver outside the eu",
    "shipping cost for 2 items?", "is there a shipping fee on orders over {amount}", "which carrier ships my order",
    "do you ship to puerto rico", "are import taxes included in the price", "how much to send to new zealand",
    "does shipping cost extra for the {product}", "what is your shipping policy",
    "i live in switzerland, can you send stuff there", "do you charge for delivery",
])

intent("delivery_time", [
    "know when my {item} will arrive", "find out how long delivery takes", "check the delivery period",
    "know the delivery time to spain", "check how long shipping takes", "know when my article is gonna arrive",
    "find out the estimated delivery date", "get my {item} before christmas", "know how many days delivery takes",
    "check when an order placed today would arrive", "see the delivery timeframe", "know the dispatch time",
    "estimate when my purchase will get here", "find out how fast you deliver", "check delivery times",
    "get my {product} by saturday", "know how long standard shipping is",
], [
    "when will my {item} arrive", "when is my article gonna arrive", "how long does delivery take",
    "how long will it take to get here", "how many days for delivery to germany", "when will i get my purchase",
    "what's the delivery time", "how long does shipping take", "if i order today when does it arrive",
    "how soon will my {item} be delivered", "when can i expect my delivery", "how fast do you ship",
    "whats the delivery period", "when would the {product} get to me", "how long until my {item} gets here",
    "when do i receive my articles", "how long is the delivery period for {date}'s order", "eta on deliveries to france?",
    "how many business days is shipping", "when does my stuff arrive usually", "how quick is delivery",
    "i need it by {date}, will it arrive in time", "how long do you take to dispatch",
    "when will the items i bought get delivered", "delivery estimate for the {product}?",
    "how much time does it take for an order to arrive",
])

intent("delivery_options", [
    "check the delivery options", "see what delivery options you have", "choose express delivery",
    "get next day delivery", "pick up my order in store", "have it delivered to a parcel locker",
    "choose a delivery slot", "get same day delivery", "see the options for delivery", "select weekend delivery",
    "know the shipping methods available", "change the delivery method to express", "use click and collect",
    "have my order sent to a pickup point", "upgrade to faster shipping", "check the shipping options",
    "get my order delivered on a saturday", "know which delivery methods i can choose",
], [
    "what delivery options are there", "do you have express shipping", "can i get next day delivery",
    "is there same day delivery", "can i collect in store", "what shipping methods do you offer",
    "options for delivery?", "do you offer pickup points", "can i choose a delivery time",
    "do you deliver on weekends", "is express delivery available to my city", "can i have it sent to a locker",
    "which delivery methods are available", "can i pay for faster delivery", "do you have click and collect",
    "can the courier come in the evening", "is there a premium delivery option", "what are my shipping options",
    "can i pick my order up myself", "do you have an overnight option",
])

intent("return_request", [
    "return an item", "return {order}", "send back my {product}", "make a return", "start a return",
    "get a return label", "return a gift", "return something i bought {date}", "send an article back",
    "return a damaged {product}", "print a return label", "return part of my order", "know how returns work",
    "drop off a return", "return the wrong item you sent me", "return a product i don't like",
    "check if i can still return my {product}", "send a parcel back to you", "arrange a return pickup",
], [
    "i want to return this", "how do i return an item", "i need a return label for {order}",
    "the {product} doesn't fit, i want to send it back", "can i return something after 30 days",
    "return policy?", "what's your return policy", "i received the wrong item and want to return it",
    "can i return an opened item", "i'd like to return my purchase", "where do i send my return",
    "can i return it in store", "is return shipping free", "how many days do i have to return",
    "the {product} arrived broken, how do i return it", "need to return 2 items from {order}",
    "can i return a sale item", "send me a return label to {email}", "returning the {product}, how",
])

intent("exchange", [
    "exchange an item", "exchange my {product} for a bigger size", "swap my {product} for another colour",
    "get a replacement for a faulty {product}", "exchange {order}", "change the size of the {product} i received",
    "swap an item", "get a different size", "exchange a gift", "replace a damaged article",
    "get a new one instead of a refund", "exchange the {product} for a different model",
], [
    "can i exchange this for a medium", "i need a smaller size", "the {product} is too big, can i swap it",
    "can you send a replacement", "wrong colour, i want the one i ordered", "exchange for size 10 please",
    "how do exchanges work", "my {product} is faulty, i want a new one", "can i swap it for something else",
    "i'd rather exchange than get a refund", "you sent me the wrong size, please send the right one",
    "is an exchange free", "can i swap the {product} i got for the black version",
])

intent("refund_request", [
    "get a refund", "get my money back", "get a refund for {order}", "request a refund",
    "ask for a refund for my {product}", "get reimbursed", "claim a reimbursement", "get compensation",
    "get {amount} back", "get my money back for a damaged {item}", "be refunded for a missing item",
    "request compensation for the delay", "claim a refund", "get a refund on my card", "get a partial refund",
    "receive a reimbursement of {amount}", "get back the money i paid", "obtain a refund", "ask for my money back",
    "get a rebate for the broken {product}", "get a refund for an order that never arrived",
], [
    "i want a refund", "i want my money back", "refund me", "refund {order} now",
    "give me my fucking money back", "i demand a refund", "refund my {amount}", "i want a full refund for {order}",
    "this {product} is garbage, i want my money back", "i want compensation for this mess",
    "you owe me {amount}, refund it", "can i get my money back", "i'd like to be reimbursed", "money back please",
    "i want a refund for the item that never came", "return my money you scammers", "i need a refund asap",
    "refund the shipping, it was late", "i want a reimbursement of {amount} for {order}",
    "i'm not paying for this, refund me", "just give me my money back, i'm done with you",
    "i was charged for a damaged {product}, i want a refund",
], 0.2)

intent("refund_status", [
    "check the status of my refund", "track my refund", "find out where my refund is", "check my reimbursement",
    "know when i will get my money back", "see if my refund was processed", "follow up on my refund",
    "check if you refunded {order}", "see whether my reimbursement went through", "check the refund for {order}",
    "track the money back for my return", "know if my refund has been approved", "find my refund",
], [
    "where is my refund", "i haven't got my refund yet", "still no refund for {order}",
    "when will i see my {amount}", "refund status?", "has my refund been processed",
    "you said you'd refund me {date} and nothing", "i returned it {date}, where's my money",
    "the refund amount is wrong, i only got {amount}", "my refund hasn't shown up on my card",
    "any update on my reimbursement", "is my refund on its way", "it's been 2 weeks and still no refund",
    "did you get my return, i'm waiting on the refund", "where's my money back for {order}",
])

intent("refund_policy", [
    "check your refund policy", "see the refund policy", "know how refunds work", "know if i can get a refund",
    "know how long refunds take", "read the money back policy", "know in which cases i can get a refund",
    "check the conditions for a refund", "understand your reimbursement policy", "know the refund terms",
    "check if shipping costs are refunded", "know whether refunds go to the original card",
    "know if i can get my money back on sale items", "find the refund rules",
], [
    "what is the refund policy", "how long do refunds take", "do you refund to paypal",
    "can i get a refund if i paid with a gift card", "do you give refunds or store credit",
    "are refunds in cash or credit", "how many days until refunds go through",
    "in which situations can i ask for a refund", "do you refund shipping", "is there a money back guarantee",
    "when do i get a refund after returning", "can i get my money back on a custom order",
    "what's your policy on reimbursements", "do refunds include the delivery fee",
])

intent("cancel_order", [
    "cancel my order", "cancel {order}", "cancel a purchase", "cancel the order i made {date}",
    "cancel one item from my order", "stop my order", "cancel an order i placed by mistake",
    "cancel my pre-order", "call off my purchase", "cancel my last order", "annul an order",
    "cancel the {product} i ordered", "cancel a purchase made with {email}",
], [
    "cancel my order", "i want to cancel {order}", "please cancel it", "can i still cancel", "cancel order",
    "i changed my mind, cancel the order", "how do i cancel", "cancel the {product} from {order}",
    "i ordered twice by mistake, cancel one", "can i cancel if it has shipped", "stop the order now",
    "i don't want it anymore, cancel", "is it too late to cancel {order}",
])

intent("cancellation_fee", [
    "check the cancellation fee", "know if there is a cancellation fee", "see the cancellation penalty",
    "know how much it costs to cancel", "check the cancellation charges", "avoid the cancellation fee",
    "get the cancellation fee waived", "find out about early termination fees", "know the penalty for cancelling",
    "check if cancelling is free", "understand why i paid a cancellation fee", "dispute a cancellation charge",
], [
    "is there a fee to cancel", "do you charge for cancellations", "what's the cancellation penalty",
    "will i lose money if i cancel", "why did you charge me {amount} for cancelling", "cancellation fee?",
    "how much is the cancellation charge", "is cancelling free", "what does it cost to cancel an order",
    "do i pay a penalty if i cancel {order}", "are there cancellation costs", "cancelling fees for custom orders?",
])

intent("change_address", [
    "change my shipping address", "change the delivery address of {order}", "update my address",
    "correct my address", "set up a shipping address", "add a new shipping address", "set a new delivery address",
    "edit the address on my order", "change where my {item} is delivered", "fix the postcode on my order",
    "send {order} to a different address", "redirect my parcel", "update the street on my order",
    "enter another shipping address", "modify my delivery address", "save a shipping address",
    "add a second delivery address to my {acct}",
], [
    "wrong address on my order", "i moved, please update my address", "can you change the address to 15 oak road",
    "ship it to my office instead", "my address is wrong, it should be 42 king st", "i need to change my address",
    "please send it to 221 main st, springfield il 62704 instead", "the postcode is wrong on {order}",
    "how do i set up my shipping address", "i forgot my flat number", "update address for {order} please",
    "can i change the delivery address after ordering", "new address: 8 rue de la paix, 75002 paris",
])

intent("change_order", [
    "change my order", "modify {order}", "edit my purchase", "add an item to {order}", "remove an item from my order",
    "change the size in my order", "change the colour of the {product} i ordered", "update the quantity on my order",
    "swap a product in my order before it ships", "add something to my order", "edit an order",
    "change {order} before it ships", "replace an item in my order", "make changes to my order",
    "switch the {product} in my order for another one", "update my order",
], [
    "can i change my order", "i want 2 instead of 1", "please add a {product} to {order}",
    "remove the {product} from my order", "can i change the size before it ships", "i ordered the wrong colour, can you change it",
    "change order {order} to size l", "i need to edit my order", "can i still modify my order",
    "wrong item in my cart, can you change it in the order", "i forgot to add something to my order",
])

intent("product_question", [
    "know what the {product} is made of", "check if the {product} is waterproof", "know the dimensions of the {product}",
    "find out if the {product} is compatible with my phone", "know how to wash the {product}",
    "check the warranty on the {product}", "get the specs of the {product}", "know the battery life of the {product}",
    "know the weight of the {product}", "read the product details", "check what's included with the {product}",
], [
    "is the {product} waterproof", "what material is the {product}", "how big is the {product}",
    "does the {product} come with a warranty", "is the {product} machine washable", "does it work with iphone",
    "what are the dimensions", "how long does the battery last", "is it dishwasher safe", "is the {product} vegan",
    "does the {product} have bluetooth", "what colours does it come in", "is it suitable for kids",
])

intent("size_guide", [
    "find the size chart", "choose the right size", "know which size to order", "check the size guide",
    "convert eu sizes to us sizes", "know if the {product} runs small", "measure myself for the {product}",
    "pick a size for the {product}", "see the measurements for the {product}", "know how the {product} fits",
], [
    "what size should i get", "do the {product} run small", "size chart?", "i'm usually a m, what size here",
    "are your sizes true to size", "what size is a uk 10 in us", "i'm 175cm, which size",
    "should i size up", "how does the {product} fit", "between sizes, what do you recommend",
])

intent("product_search", [
    "find a {product}", "buy a {product}", "look for a gift", "find something under {amount}",
    "purchase a {product}", "place an order for a {product}", "order a {product}", "browse your {product}s",
    "find cheap {product}s", "see your new arrivals", "find a {product} in black", "shop for running shoes",
    "buy some articles from your shop", "make a purchase", "place an order", "buy something as a gift",
], [
    "do you sell {product}s", "show me {product}s", "i'm looking for a {product}", "any {product} under {amount}?",
    "what's your cheapest {product}", "do you have {product}s for kids", "recommend me a {product}",
    "i want to buy a {product}", "got any waterproof jackets", "i need a gift for my sister",
    "do you have anything in size 12", "i'd like to place an order", "what do you have for hiking",
])

intent("stock_availability", [
    "check if the {product} is in stock", "know when the {product} will be back in stock",
    "get notified when the {product} is available", "check availability of the {product} in size m",
    "find the {product} in stock near me", "know if you will restock the {product}", "reserve a {product}",
], [
    "is the {product} in stock", "when will the {product} be back", "the {product} is sold out, restock?",
    "do you have the {product} in blue", "is size 9 available", "any {product}s left", "out of stock again?",
    "is the {product} available in store", "when is the restock", "can you tell me when it's back in stock",
])

intent("discount_request", [
    "use a promo code", "apply a discount code", "get a discount", "use my coupon", "redeem a voucher",
    "get a student discount", "use my loyalty points", "get a price adjustment", "apply my gift card",
    "get the difference back since the price dropped", "get a discount on {order}", "get a coupon",
    "redeem my rewards", "get a price match", "apply a code i forgot at checkout",
], [
    "my discount code doesn't work", "promo code invalid", "do you have any coupons", "can i get a discount",
    "the code SAVE20 isn't working", "i forgot to use my coupon on {order}", "is there a student discount",
    "can you price match", "the price went down {date}, can i get the difference", "do i get a discount for buying 3",
    "my voucher expired, can you extend it", "any discount for first order", "how do i use my reward points",
])

intent("promotions", [
    "see the current offers", "know about upcoming sales", "find the deals", "check this week's promotions",
    "know when the next sale is", "get notified of sales", "see the black friday deals", "find what's on sale",
], [
    "any sales on", "what deals do you have", "when is black friday", "do you have a summer sale",
    "what's on offer this week", "are there any promotions", "is there a sale coming up",
    "do you do cyber monday", "any bundle deals", "when does the sale end",
])

intent("billing", [
    "fix a payment issue", "report a payment problem", "dispute a charge", "check a charge on my card",
    "update my credit card", "remove my saved card", "change my payment details", "report a double charge",
    "sort out a failed payment", "know why my card was declined", "understand a charge of {amount}",
    "get help with a payment", "check why i was charged twice for {order}", "fix my billing information",
    "report an error with my payment", "pay for my order, the payment keeps failing", "change the card on file",
], [
    "i was charged twice", "my payment was declined", "why was i charged {amount}", "payment failed",
    "you charged me but i didn't get an order confirmation", "there's a charge i don't recognise",
    "i got billed twice for {order}", "my card keeps getting rejected", "payment issue",
    "you took {amount} from my account without asking", "i have a problem with a payment",
    "the checkout won't accept my card", "i was overcharged on {order}", "why did my bill go up",
    "i can't pay, it keeps giving an error", "my bank says the payment went through but you say it didn't",
], 0.1)

intent("payment_methods", [
    "check the payment methods", "see which payment options you accept", "pay with paypal", "pay with apple pay",
    "pay in instalments", "pay by bank transfer", "pay with klarna", "know the payment modalities",
    "pay with a debit card", "pay in another currency", "pay cash on delivery", "check the accepted cards",
    "see the ways to pay", "use two cards to pay", "pay with google pay", "check the payment options",
], [
    "what payment methods do you take", "do you accept amex", "can i pay with paypal", "payment options?",
    "do you have buy now pay later", "which cards do you accept", "can i pay in installments",
    "do you take mastercard", "can i pay with a gift card and a card together", "what are the payment modalities",
    "do you accept cash", "can i pay on delivery", "is klarna available",
])

intent("invoice", [
    "get an invoice", "get my invoice for {order}", "download my invoice", "check my invoice",
    "see my bill", "get a receipt", "get a copy of my invoice", "find my invoices", "request an invoice",
    "get a vat invoice", "correct the name on my invoice", "check the bill for {order}", "locate my bill",
    "get an invoice with my company name", "check the invoice {{Invoice Number}}", "see my past bills",
], [
    "i need an invoice", "where's my invoice", "send me the receipt for {order}", "invoice please",
    "can i get a vat receipt", "i didn't get a receipt", "email my invoice to {email}",
    "the invoice is missing my company name", "i need a copy of the bill", "where do i find my receipts",
    "can you resend the invoice for {order}", "i need the bill for my expenses",
])

intent("account", [
    "create an account", "open an account", "make an account", "sign up", "register", "delete my {acct}",
    "close my {acct}", "remove my {acct}", "edit my {acct}", "change my {acct} details", "update my profile",
    "switch to a {acct}", "switch my account", "change my email address", "change the email on my {acct}",
    "change my username", "update my personal information", "create a {acct}", "open a {acct}",
    "upgrade my account", "downgrade my {acct}", "merge two accounts", "register with {email}",
    "fix a registration problem", "complete my sign-up", "verify my email", "delete my personal data",
    "change my phone number in my profile", "edit the name on my {acct}", "switch to another account",
    "cancel my {acct}", "unlink my google account", "get my account verified",
], [
    "i can't register", "the sign-up form gives an error", "registration problem", "i can't create an account",
    "delete my account", "i want to close my account", "change my email to {email}", "how do i register",
    "the verification email never came", "it says my email is already in use", "i need a new account",
    "remove all my data, gdpr request", "where are my account settings", "my profile shows the wrong name",
    "sign up isn't working", "i have problems with the sign-up", "can i switch to the {acct}",
    "i want to edit my profile", "the registration page keeps crashing", "i signed up with the wrong email",
], 0.05)

intent("login_help", [
    "reset my password", "recover my password", "change my password", "log in", "sign in to my account",
    "unlock my {acct}", "recover my {acct}", "get into my account", "reset my pin", "change my pwd",
    "recover my pwd", "get a new password", "set a new pin", "get the two factor code", "restore access to my {acct}",
    "retrieve my password", "reset the password of my {acct}", "recover access to my profile",
], [
    "i forgot my password", "can't log in", "forgot pwd", "i forgot my pin", "my account is locked",
    "password reset link not working", "i'm locked out", "someone hacked my account", "login not working",
    "i don't get the 2fa code", "i lost access to my account", "it says incorrect password",
    "can't sign in with {email}", "reset pwd pls", "how do i recover my account",
])

intent("newsletter", [
    "subscribe to the newsletter", "unsubscribe from the newsletter", "cancel my newsletter subscription",
    "sign up for your newsletter", "stop the marketing emails", "opt out of emails", "get your newsletter",
    "unsubscribe {email} from your emails", "manage my email preferences", "stop the promo texts",
    "check my newsletter subscription", "subscribe to your mailing list",
], [
    "stop emailing me", "unsubscribe me", "i want the newsletter", "too many emails, stop",
    "how do i unsubscribe", "remove me from the mailing list", "newsletter subscription",
    "i keep getting your promo emails", "subscribe me to the newsletter with {email}", "stop the sms offers",
])

intent("complaint", [
    "file a complaint", "make a complaint", "lodge a complaint", "complain about your service",
    "complain about the delivery driver", "report a bad experience", "raise a complaint about {order}",
    "submit a formal complaint", "complain about an agent", "make a claim about bad service",
    "express my dissatisfaction", "report how rude your staff were",
], [
    "your service is terrible", "this is the worst shop ever", "i'm very unhappy with the quality",
    "the product is cheap garbage", "your customer service sucks", "i'm disappointed with my order",
    "nobody ever answers here", "this company is a joke", "the driver was rude to me",
    "i'm so done with this shop", "absolutely shocking service", "i want to complain",
    "the quality is awful, nothing like the photos", "your website is a mess",
    "i have a complaint about {order}", "i'm fed up with how you treat customers",
], 0.25)

intent("feedback", [
    "leave a review", "leave a review for my {product}", "give feedback", "write a review", "rate my purchase",
    "send a suggestion", "leave some feedback about your service", "review a product", "submit feedback",
    "compliment the agent who helped me", "share my opinion about the {product}", "rate the service",
    "post a review of {order}", "give some feedback on the website", "leave a comment about the delivery",
], [
    "where can i leave a review", "i want to give you some feedback", "i have a suggestion",
    "just wanted to say thank you to your team, great service", "how do i rate a product",
    "i'd like to leave a 5 star review", "your app could use a dark mode", "can i write a review",
    "i want to give feedback about my experience", "the {product} is amazing, where do i review it",
])

intent("store_locations", [
    "find a store", "find your nearest shop", "visit a store", "know your opening hours",
    "check the store hours", "find a shop near me", "know where your stores are", "visit your showroom",
], [
    "where is your store", "what time do you open", "are you open on sunday", "store hours?",
    "do you have a shop in boston", "nearest store to me", "what are your opening hours",
    "is the store open today", "do you have physical shops", "where can i find you in person",
])

intent("human_handoff", [
    "talk to a person", "talk to a human", "speak to a representative", "talk to an agent",
    "contact customer service", "contact customer support", "speak with someone", "call customer service",
    "chat with a live agent", "get a human", "reach customer support", "speak to a manager",
    "talk to someone from support", "get in touch with customer service", "contact your support team",
    "call you", "reach an operator", "email customer service", "talk to a real agent", "contact a human agent",
], [
    "human please", "i want to talk to a person", "get me a real person", "representative",
    "this bot is useless, give me an agent", "what's your phone number", "can i call you",
    "how do i contact customer service", "customer service number?", "connect me to an agent",
    "i need to speak with a human now", "is there a real person there", "what are your customer service hours",
    "can someone call me on 555-0142", "transfer me to support",
], 0.15)

intent("greeting", [], [
    "hi", "hello", "hey", "hey there", "hi there", "good morning", "good afternoon", "good evening", "hiya",
    "hello?", "hi!", "heyyy", "yo", "morning", "evening", "hola", "hi team", "hello support", "hey guys",
    "helo", "hii", "greetings", "hi, anyone here?", "hello, good day", "hey, hope you're doing well",
])

intent("thanks", [], [
    "thanks", "thank you", "thx", "ty", "thanks a lot", "thank you so much", "cheers", "many thanks",
    "thanks, that helps", "great, thanks", "awesome thank you", "perfect thanks", "thanks for your help",
    "thank you very much", "appreciate it", "thanks!!", "ok thank you", "that's great, thanks",
    "tysm", "thank u", "thnx", "thanks for sorting it", "you're a star, thanks",
])

intent("goodbye", [], [
    "bye", "goodbye", "see you", "bye bye", "have a nice day", "that's all", "that's all, bye", "see ya",
    "take care", "ok bye", "cya", "talk later", "good night", "that's everything", "nothing else, bye",
    "i'm done, thanks bye", "later", "have a good day", "all good, bye", "farewell",
])

OOS_ACTIONS = [
    "book a flight to paris", "find a recipe for lasagna", "fix my wifi", "learn spanish", "write a poem",
    "get a mortgage", "cancel my netflix subscription", "track my amazon package", "return something to walmart",
    "reset my gmail password", "change my facebook profile name", "get a refund from my airline",
    "file my taxes", "lose weight fast", "train my dog", "solve this equation", "write a cover letter",
    "change a tyre", "open a bank account", "get a passport", "install windows", "book a hotel in rome",
    "make a website", "learn to code in python", "pay my electricity bill", "cancel my gym membership",
    "contact my bank", "unsubscribe from spotify emails", "delete my instagram account",
    "talk to someone at the tax office", "complain to my landlord", "rent a car", "find a job",
    "get a cheaper phone plan", "track a fedex parcel from ebay", "change my address at the dmv",
    "get my money back from paypal for an ebay item", "ask uber for a refund", "reset my router",
    "invest in stocks", "plan a wedding", "meditate", "draw a cat", "get over a breakup", "sleep better",
    "cancel my sky tv package", "end my contract with t-mobile", "change my address with my bank",
    "track a parcel from aliexpress", "get my deposit back from my landlord", "return a rental car",
    "cancel a hotel booking on booking.com", "order food from just eat", "get a refund for concert tickets",
    "change my seat on a lufthansa flight", "find the nearest petrol station", "get a discount at the cinema",
]
OOS_SENTENCES = [
    "what's the weather tomorrow", "tell me something funny", "who won the game", "what's 12 x 7",
    "who is the prime minister", "what's the meaning of life", "can you write my essay", "play some music",
    "how tall is mount everest", "recommend a tv show", "what's the best pizza place nearby",
    "my ups package is late", "my doordash order is missing", "how do i get a refund from ryanair",
    "i forgot my netflix password", "my bank charged me an overdraft fee", "what is bitcoin worth",
    "is coffee bad for you", "how do i cure a cold", "write a story about dragons", "what day is it",
    "are you a robot", "what's your favourite colour", "do you like music", "how old are you",
    "explain the stock market", "what's the news today", "who invented the telephone",
    "how do i make pancakes", "what should i name my dog", "help me with my maths homework",
    "translate hello into german", "what's the population of china", "how do i fix a leaking tap",
    "my phone screen is cracked, where can i fix it", "my airbnb host won't reply",
    "my amazon refund never arrived", "i was charged twice by my gym", "my internet provider is useless",
    "how do i contact apple support", "can you call my mum", "i need a lawyer", "what's a good stock to buy",
    "how do i delete my twitter account", "where can i watch the match tonight", "is it going to rain",
    "define photosynthesis", "what rhymes with orange", "how many legs does a spider have",
    "give me a random fact", "what's the speed of light", "asdfgh", "lol", "hmm", "?", "test",
]


def norm(text):
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def excluded():
    seen = set()
    files = [os.path.join(HERE, f) for f in os.listdir(HERE) if f.endswith(".csv")]
    files += [os.path.join(ROOT, "server/src/main/resources/assistant/intents", f)
              for f in ("builtin-train.csv", "builtin-oos.csv")]
    for path in files:
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                seen.add(norm(row["text"]))
    return seen


def rows_for(actions, sentences, angry, count, seen):
    rows, tries = [], 0
    pool = [("s", s) for s in sentences] + [("a", a) for a in actions]
    while len(rows) < count and tries < count * 30:
        tries += 1
        # Every written sentence once first, then a mix with two actions in frames for every sentence.
        if tries <= len(sentences):
            kind, core = "s", sentences[tries - 1]
        elif actions and rnd.random() < 0.67:
            kind, core = "a", rnd.choice(actions)
        else:
            kind, core = rnd.choice(pool)
        if kind == "a":
            core = rnd.choice(FRAMES).replace("{vp}", core)
        text = compose(core, angry=rnd.random() < angry, small_talk=not actions)
        key = norm(text)
        if not key or key in seen:
            continue
        seen.add(key)
        rows.append(text)
    return rows


def main():
    seen = excluded()
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["text", "label"])
    for label, (actions, sentences, angry) in INTENTS.items():
        count = PER_INTENT if actions else len(sentences) * 2
        for text in rows_for(actions, sentences, angry, count, seen):
            out.writerow([text, label])
    for text in rows_for(OOS_ACTIONS, OOS_SENTENCES, 0.03, OOS_ROWS, seen):
        out.writerow([text, "oos"])


if __name__ == "__main__":
    main()
