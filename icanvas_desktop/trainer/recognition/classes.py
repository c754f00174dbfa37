"""The things the recogniser knows, each with the OpenMoji drawings it learns them from.

The ids are shared with the labelled hand-drawn doodles the recogniser is tested on, so they never change.
A class's first hexcode is its colour template: the artist's colouring the clean look follows. The other
hexcodes are further drawings of the same thing (a pine and an oak are both a tree); where OpenMoji draws
one shape in several colours (hearts, apples) only the template's colour is taken.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Thing:
    id: str
    en: str
    ko: str
    hexcodes: tuple[str, ...]


THINGS = (
    Thing("sun", "sun", "해", ("2600", "1F31E")),
    Thing("cloud", "cloud", "구름", ("2601",)),
    Thing("tree", "tree", "나무", ("1F333", "1F332", "1F334")),
    Thing("apple", "apple", "사과", ("1F34E", "1F34F")),
    Thing("strawberry", "strawberry", "딸기", ("1F353",)),
    Thing("banana", "banana", "바나나", ("1F34C",)),
    Thing("carrot", "carrot", "당근", ("1F955",)),
    Thing("grapes", "grapes", "포도", ("1F347",)),
    Thing("cherry", "cherry", "체리", ("1F352",)),
    Thing("watermelon", "watermelon", "수박", ("1F349",)),
    Thing("lemon", "lemon", "레몬", ("1F34B",)),
    Thing("tomato", "tomato", "토마토", ("1F345",)),
    Thing("broccoli", "broccoli", "브로콜리", ("1F966",)),
    Thing("pumpkin", "pumpkin", "호박", ("1F383",)),
    Thing("leaf", "leaf", "나뭇잎", ("1F343", "1F33F", "1F342")),
    Thing("flower", "flower", "꽃", ("1F337", "1F33C", "1F33B", "1F338", "1F33A", "1F339")),
    Thing("snowman", "snowman", "눈사람", ("26C4", "2603")),
    Thing("frog", "frog", "개구리", ("1F438",)),
    Thing("pig", "pig", "돼지", ("1F437", "1F416")),
    Thing("chick", "chick", "병아리", ("1F424", "1F425", "1F423")),
    Thing("ladybug", "ladybug", "무당벌레", ("1F41E",)),
    Thing("whale", "whale", "고래", ("1F40B", "1F433")),
    Thing("elephant", "elephant", "코끼리", ("1F418",)),
    Thing("penguin", "penguin", "펭귄", ("1F427",)),
    Thing("heart", "heart", "하트", ("2764", "1F496", "1F497", "1F49D")),
    Thing("star", "star", "별", ("2B50", "1F31F")),
    Thing("moon", "moon", "달", ("1F319", "1F31B", "1F31C")),
    Thing("smiley", "smiley", "웃는 얼굴", ("1F642", "1F600", "1F603", "1F60A", "263A", "1F601")),
    Thing("pizza", "pizza", "피자", ("1F355",)),
    Thing("fire", "fire", "불", ("1F525",)),
    Thing("raindrop", "raindrop", "물방울", ("1F4A7",)),
    Thing("fire_truck", "fire truck", "소방차", ("1F692",)),
    Thing("cat", "cat", "고양이", ("1F431", "1F408")),
    Thing("dog", "dog", "강아지", ("1F436", "1F415")),
    Thing("mouse", "mouse", "생쥐", ("1F42D", "1F401")),
    Thing("bear", "bear", "곰", ("1F43B",)),
    Thing("lion", "lion", "사자", ("1F981",)),
    Thing("bee", "bee", "벌", ("1F41D",)),
    Thing("duck", "duck", "오리", ("1F986",)),
    Thing("turtle", "turtle", "거북이", ("1F422",)),
    Thing("rabbit", "rabbit", "토끼", ("1F430", "1F407")),
    Thing("tangerine", "orange", "귤", ("1F34A",)),
    Thing("pear", "pear", "배", ("1F350",)),
    Thing("corn", "corn", "옥수수", ("1F33D",)),
    Thing("mushroom", "mushroom", "버섯", ("1F344",)),
    Thing("cactus", "cactus", "선인장", ("1F335",)),
    Thing("lightning", "lightning", "번개", ("26A1",)),
    Thing("pineapple", "pineapple", "파인애플", ("1F34D",)),
    Thing("eggplant", "eggplant", "가지", ("1F346",)),
    Thing("cookie", "cookie", "쿠키", ("1F36A",)),
    Thing("dinosaur", "dinosaur", "공룡", ("1F995", "1F996")),
    Thing("snake", "snake", "뱀", ("1F40D",)),
    Thing("crab", "crab", "게", ("1F980",)),
    # Round 5: the things of Quick, Draw!'s 345 (what people draw when asked to draw something) that have
    # an OpenMoji emoji outside the colourer's held-out share and a colour a person would not leave to
    # chance. Only hexcodes outside that share, so that the held-out artist figure stays unseen.
    Thing("ambulance", "ambulance", "구급차", ("1F691",)),
    Thing("ant", "ant", "개미", ("1F41C",)),
    Thing("basketball", "basketball", "농구공", ("1F3C0",)),
    Thing("baseball", "baseball", "야구공", ("26BE",)),
    Thing("blueberries", "blueberries", "블루베리", ("1FAD0",)),
    Thing("bread", "bread", "빵", ("1F35E",)),
    Thing("camel", "camel", "낙타", ("1F42A", "1F42B")),
    Thing("cow", "cow", "젖소", ("1F404",)),
    Thing("crocodile", "crocodile", "악어", ("1F40A",)),
    Thing("crown", "crown", "왕관", ("1F451",)),
    Thing("diamond", "diamond", "다이아몬드", ("1F48E",)),
    Thing("dolphin", "dolphin", "돌고래", ("1F42C",)),
    Thing("dragon", "dragon", "용", ("1F409", "1F432")),
    Thing("fish", "fish", "물고기", ("1F41F", "1F420")),
    Thing("flamingo", "flamingo", "플라밍고", ("1F9A9",)),
    Thing("giraffe", "giraffe", "기린", ("1F992",)),
    Thing("hamburger", "hamburger", "햄버거", ("1F354",)),
    Thing("hedgehog", "hedgehog", "고슴도치", ("1F994",)),
    Thing("horse", "horse", "말", ("1F434",)),
    Thing("kangaroo", "kangaroo", "캥거루", ("1F998",)),
    Thing("lobster", "lobster", "바닷가재", ("1F99E",)),
    Thing("monkey", "monkey", "원숭이", ("1F412", "1F435")),
    Thing("mountain", "mountain", "산", ("1F3D4",)),
    Thing("owl", "owl", "부엉이", ("1F989",)),
    Thing("peanut", "peanut", "땅콩", ("1F95C",)),
    Thing("peas", "peas", "완두콩", ("1FADB",)),
    Thing("potato", "potato", "감자", ("1F954",)),
    Thing("raccoon", "raccoon", "너구리", ("1F99D",)),
    Thing("rhinoceros", "rhinoceros", "코뿔소", ("1F98F",)),
    Thing("sandwich", "sandwich", "샌드위치", ("1F96A",)),
    Thing("shark", "shark", "상어", ("1F988",)),
    Thing("sheep", "sheep", "양", ("1F411",)),
    Thing("skull", "skull", "해골", ("1F480",)),
    Thing("snowflake", "snowflake", "눈송이", ("2744",)),
    Thing("soccer_ball", "soccer ball", "축구공", ("26BD",)),
    Thing("spider", "spider", "거미", ("1F577",)),
    Thing("squirrel", "squirrel", "다람쥐", ("1F43F",)),
    Thing("stop_sign", "stop sign", "정지 표지판", ("1F6D1",)),
    Thing("swan", "swan", "백조", ("1F9A2",)),
    Thing("tiger", "tiger", "호랑이", ("1F42F",)),
    Thing("tooth", "tooth", "이빨", ("1F9B7",)),
    Thing("tornado", "tornado", "회오리바람", ("1F32A",)),
    Thing("zebra", "zebra", "얼룩말", ("1F993",)),
    # Round 6: the emoji of OpenMoji's animals and nature, food and drink groups outside the colourer's
    # held-out share and not near a thing above, that are one object a child draws and whose colour a
    # person would not leave to chance (a bird, a candy, a cake or a teapot may be any colour: left out).
    Thing("gorilla", "gorilla", "고릴라", ("1F98D",)),
    Thing("orangutan", "orangutan", "오랑우탄", ("1F9A7",)),
    Thing("wolf", "wolf", "늑대", ("1F43A",)),
    Thing("fox", "fox", "여우", ("1F98A",)),
    Thing("deer", "deer", "사슴", ("1F98C",)),
    Thing("donkey", "donkey", "당나귀", ("E001",)),
    Thing("goat", "goat", "염소", ("1F410",)),
    Thing("llama", "llama", "라마", ("1F999",)),
    Thing("mammoth", "mammoth", "매머드", ("1F9A3",)),
    Thing("beaver", "beaver", "비버", ("1F9AB",)),
    Thing("koala", "koala", "코알라", ("1F428",)),
    Thing("sloth", "sloth", "나무늘보", ("1F9A5",)),
    Thing("otter", "otter", "수달", ("1F9A6",)),
    Thing("skunk", "skunk", "스컹크", ("1F9A8",)),
    Thing("polar_bear", "polar bear", "북극곰", ("1F43B-200D-2744-FE0F",)),
    Thing("turkey", "turkey", "칠면조", ("1F983",)),
    Thing("dove", "dove", "비둘기", ("1F54A",)),
    Thing("parrot", "parrot", "앵무새", ("1F99C",)),
    Thing("goose", "goose", "거위", ("1FABF",)),
    Thing("lizard", "lizard", "도마뱀", ("1F98E",)),
    Thing("orca", "orca", "범고래", ("1FACD",)),
    Thing("seal", "seal", "물개", ("1F9AD",)),
    Thing("coral", "coral", "산호", ("1FAB8",)),
    Thing("shrimp", "shrimp", "새우", ("1F990",)),
    Thing("scorpion", "scorpion", "전갈", ("1F982",)),
    Thing("fly", "fly", "파리", ("1FAB0",)),
    Thing("worm", "worm", "지렁이", ("1FAB1",)),
    Thing("caterpillar", "caterpillar", "애벌레", ("1F41B",)),
    Thing("lime", "lime", "라임", ("1F34B-200D-1F7E9",)),
    Thing("peach", "peach", "복숭아", ("1F351",)),
    Thing("kiwi", "kiwi", "키위", ("1F95D",)),
    Thing("olive", "olive", "올리브", ("1FAD2",)),
    Thing("coconut", "coconut", "코코넛", ("1F965",)),
    Thing("chili_pepper", "chili pepper", "고추", ("1F336",)),
    Thing("bell_pepper", "bell pepper", "피망", ("1FAD1",)),
    Thing("cucumber", "cucumber", "오이", ("1F952",)),
    Thing("garlic", "garlic", "마늘", ("1F9C4",)),
    Thing("onion", "onion", "양파", ("1F9C5",)),
    Thing("chestnut", "chestnut", "밤", ("1F330",)),
    Thing("croissant", "croissant", "크루아상", ("1F950",)),
    Thing("pretzel", "pretzel", "프레첼", ("E0C3",)),
    Thing("bagel", "bagel", "베이글", ("1F96F",)),
    Thing("pancakes", "pancakes", "팬케이크", ("1F95E",)),
    Thing("waffle", "waffle", "와플", ("1F9C7",)),
    Thing("cheese", "cheese", "치즈", ("1F9C0",)),
    Thing("french_fries", "french fries", "감자튀김", ("1F35F",)),
    Thing("egg", "egg", "달걀", ("1F95A",)),
    Thing("chicken_leg", "chicken leg", "닭다리", ("1F357",)),
    Thing("taco", "taco", "타코", ("1F32E",)),
    Thing("ice_cream", "ice cream", "아이스크림", ("1F366", "1F368")),
    Thing("chocolate", "chocolate", "초콜릿", ("1F36B",)),
    Thing("honey_pot", "honey pot", "꿀단지", ("1F36F",)),
    Thing("milk", "milk", "우유", ("1F95B",)),
    Thing("rice_ball", "rice ball", "주먹밥", ("1F359",)),
    Thing("sushi", "sushi", "초밥", ("1F363",)),
    Thing("dumpling", "dumpling", "만두", ("1F95F",)),
    Thing("spaghetti", "spaghetti", "스파게티", ("1F35D",)),
)

# Anything else a child may draw: the recogniser says so instead of forcing a guess.
OTHER = "other"
CLASS_IDS = (*(t.id for t in THINGS), OTHER)

# Animals the artists draw mostly as a face (OpenMoji's cat, bear or lion is a head) and a child draws whole:
# the recogniser learns them on a body too (augment.py). Their renders that are whole already stay so.
DRAWN_AS_FACES = frozenset({
    "cat", "dog", "mouse", "bear", "lion", "frog", "pig", "rabbit", "tiger", "monkey", "wolf", "fox", "koala",
    "polar_bear", "raccoon", "horse", "cow", "deer", "zebra", "giraffe", "gorilla", "sheep", "goat", "donkey",
    "llama",
})

# Words that name one of the things: an emoji whose annotation holds one is too close to a class to be
# "other" (a sun behind a cloud, a frowning face, a green heart).
_NEAR_WORDS = ("sun", "cloud", "tree", "apple", "strawberr", "banana", "carrot", "grape", "cherr",
               "melon", "lemon", "tomato", "broccoli", "pumpkin", "lantern", "leaf", "flower", "blossom",
               "tulip", "rose", "hibiscus", "snowman", "frog", "pig", "chick", "beetle", "whale", "elephant",
               "penguin", "heart", "star", "moon", "face", "pizza", "fire", "drop", "engine", "herb",
               "clover", "seedling", "cat", "dog", "mouse", "rat", "bear", "lion", "bee", "duck", "turtle",
               "rabbit", "tangerine", "orange", "pear", "corn", "mushroom", "cactus", "voltage", "lightning",
               "bolt", "pineapple", "eggplant", "cookie", "sauropod", "t-rex", "dinosaur", "snake", "crab",
               "ambulance", "basketball", "baseball", "blueberr", "bread", "camel", "crocodile", "crown",
               "gem", "diamond", "dolphin", "dragon", "fish", "flamingo", "giraffe", "hamburger", "burger",
               "hedgehog", "horse", "kangaroo", "lobster", "monkey", "mountain", "peanut", "pea pod",
               "potato", "raccoon", "rhino", "sandwich", "shark", "sheep", "skull", "snowflake",
               "soccer", "spider", "chipmunk", "squirrel", "stop sign", "swan", "tiger", "tooth", "tornado",
               "zebra", "gorilla", "orangutan", "wolf", "deer", "donkey", "goat", "llama", "mammoth",
               "beaver", "koala", "sloth", "otter", "skunk", "turkey", "dove", "parrot", "goose", "lizard",
               "orca", "coral", "shrimp", "scorpion", "worm", "bug", "peach", "kiwi", "olive", "coconut",
               "pepper", "cucumber", "garlic", "onion", "chestnut", "croissant", "pretzel", "bagel",
               "pancake", "waffle", "cheese", "fries", "poultry", "ice cream", "chocolate", "honey",
               "milk", "rice ball", "sushi", "dumpling", "spaghetti")
# Short names that are parts of other words ("elephant", "bowl", "cowboy"): near only as a whole word.
_NEAR_WHOLE_WORDS = ("ant", "cow", "owl", "ram", "ewe", "peas", "ox", "fox", "seal", "fly", "lime", "egg",
                     "taco")
# Groups whose drawings are not things a child draws as one object (flags, letters, signs).
OTHER_GROUPS = ("animals-nature", "food-drink", "travel-places", "objects", "activities")
# People are "other" too, those of the colourer's training share (scripts/recogniser/render_things.py:
# `people_of`).
PEOPLE_GROUP = "people-body"


def is_near_a_thing(annotation: str) -> bool:
    words = annotation.lower()
    return (any(word in words for word in _NEAR_WORDS)
            or not set(words.replace("-", " ").split()).isdisjoint(_NEAR_WHOLE_WORDS))
