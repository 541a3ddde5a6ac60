"""A curated emoji table for the picker: common emoji in categories, searchable in English and French.

Hand-picked for small businesses (food, shops, events, seasons) rather than all ~3,700 Unicode emoji: a
shorter grid is easier to browse. English keywords are completed with the Unicode name; French ones are ours.
Pure Python (no Qt).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

CATEGORIES: tuple[str, ...] = (
    "smileys",
    "people",
    "animals",
    "food",
    "activities",
    "travel",
    "objects",
    "symbols",
    "flags",
)

# One line per emoji: "emoji | english keywords | french keywords". Keep it readable: grep-friendly.
_TABLE: dict[str, str] = {
    "smileys": """
😀 | grin smile happy | sourire content heureux
😃 | smile happy joy | sourire joie heureux
😄 | smile laugh happy | sourire rire heureux
😁 | grin beaming | sourire rayonnant
😆 | laugh squint | rire mort de rire
😅 | sweat relief laugh | sueur ouf rire
🤣 | rolling laugh lol | mdr rire
😂 | tears joy laugh lol | larmes de joie rire mdr
🙂 | slight smile | léger sourire
🙃 | upside down silly | à l'envers
😉 | wink | clin d'œil
😊 | blush smile happy | rougir sourire timide
😇 | angel halo innocent | ange auréole innocent
🥰 | love hearts adore | amour cœurs adorer
😍 | heart eyes love | yeux cœurs amour
🤩 | star struck wow | étoiles ébloui waouh
😘 | kiss blow | bisou baiser
😗 | kiss | bisou
😚 | kiss closed eyes | bisou
😋 | yum delicious tasty | miam délicieux savoureux
😛 | tongue | langue
😜 | wink tongue crazy | langue clin d'œil fou
🤪 | zany crazy | loufoque fou
😝 | tongue squint | langue
🤑 | money | argent
🤗 | hug | câlin
🤭 | oops hand mouth | oups
🤫 | shush quiet secret | chut secret
🤔 | thinking hmm | réfléchir hmm
🤐 | zipper mouth secret | bouche cousue
🤨 | raised eyebrow doubt | sourcil levé doute
😐 | neutral | neutre
😑 | expressionless | sans expression
😶 | no mouth speechless | sans voix
😏 | smirk | narquois
😒 | unamused | blasé
🙄 | eye roll | lever les yeux au ciel
😬 | grimace awkward | grimace gêné
😌 | relieved calm | soulagé calme
😔 | pensive sad | pensif triste
😪 | sleepy | somnolent
😴 | sleeping zzz | dormir sommeil
😷 | mask sick | masque malade
🤒 | fever sick | fièvre malade
🤕 | hurt bandage | blessé
🤢 | nauseated sick | nausée
🤧 | sneeze cold | éternuer rhume
🥵 | hot heat | chaud canicule
🥶 | cold freezing | froid glacé
🥴 | woozy dizzy | étourdi
😵 | dizzy | étourdi
🤯 | mind blown exploding | époustouflé
🤠 | cowboy | cowboy
🥳 | party celebrate birthday | fête faire la fête anniversaire
😎 | cool sunglasses | cool lunettes de soleil
🤓 | nerd | intello
🧐 | monocle curious | monocle curieux
😕 | confused | perplexe
😟 | worried | inquiet
🙁 | frown sad | triste
😮 | surprised wow | surpris
😲 | astonished | stupéfait
😳 | flushed embarrassed | gêné rougir
🥺 | pleading puppy eyes | suppliant
😢 | cry sad tear | pleurer triste larme
😭 | sob crying | sangloter pleurer
😱 | scream fear | hurler peur
😖 | confounded | confus
😞 | disappointed | déçu
😓 | sweat downcast | sueur
😩 | weary tired | épuisé
😫 | tired | fatigué
🥱 | yawn bored | bâiller ennui
😤 | triumph steam | fier souffler
😡 | angry pouting | colère furieux
😠 | angry | fâché colère
🤬 | swearing cursing | jurer injures
😈 | devil smiling | diable
💀 | skull dead | crâne mort
💩 | poop | caca
🤡 | clown | clown
👻 | ghost halloween | fantôme halloween
👽 | alien | extraterrestre
🤖 | robot | robot
😺 | cat smile | chat sourire
😻 | cat heart eyes love | chat amour
🙈 | see no evil monkey | singe ne rien voir
🙉 | hear no evil monkey | singe ne rien entendre
🙊 | speak no evil monkey | singe ne rien dire
""",
    "people": """
👋 | wave hello bye | coucou salut au revoir
🤚 | raised back hand | main levée
✋ | raised hand stop high five | main levée stop
🖐️ | hand fingers | main doigts
🖖 | vulcan | salut vulcain
👌 | ok perfect | ok parfait
🤌 | pinched fingers italian | doigts pincés italien
🤏 | pinch little | un peu pincer
✌️ | victory peace | victoire paix
🤞 | fingers crossed luck | doigts croisés chance
🤟 | love you | je t'aime
🤘 | rock horns | rock cornes
🤙 | call me | appelle moi
👈 | point left | gauche
👉 | point right | droite
👆 | point up | haut
👇 | point down | bas
☝️ | index up | index levé
👍 | thumbs up like yes ok | pouce levé j'aime oui bravo
👎 | thumbs down dislike no | pouce baissé non
✊ | fist | poing
👊 | punch fist bump | coup de poing check
👏 | clap applause bravo | applaudir bravo
🙌 | raising hands hooray | hourra bravo
👐 | open hands | mains ouvertes
🤲 | palms up | paumes
🤝 | handshake deal agreement | poignée de main accord partenariat
🙏 | pray thanks please | merci prière s'il vous plaît
✍️ | writing | écrire
💅 | nail polish | vernis manucure
💪 | strong muscle biceps | fort muscle biceps
👀 | eyes look | yeux regarder
👁️ | eye | œil
👄 | mouth lips | bouche lèvres
👶 | baby | bébé
🧒 | child | enfant
👦 | boy | garçon
👧 | girl | fille
🧑 | person adult | personne adulte
👨 | man | homme
👩 | woman | femme
🧓 | older person | personne âgée
👴 | old man grandpa | grand-père papi
👵 | old woman grandma | grand-mère mamie
👮 | police officer | policier gendarme
👷 | construction worker builder | ouvrier chantier bâtiment
💂 | guard | garde
🕵️ | detective | détective
👩‍⚕️ | doctor nurse health | médecin infirmière santé
👨‍🍳 | cook chef | cuisinier chef
👩‍🍳 | cook chef | cuisinière cheffe
👩‍🌾 | farmer | agricultrice fermière
👨‍🌾 | farmer | agriculteur fermier
👩‍🏫 | teacher | enseignante professeure maîtresse
👩‍💻 | technologist computer | informaticienne ordinateur
👨‍🔧 | mechanic | mécanicien garagiste
👩‍🎨 | artist painter | artiste peintre
💇 | haircut hairdresser | coiffeur coupe de cheveux
💆 | massage spa | massage spa
🤰 | pregnant | enceinte
🎅 | santa christmas | père noël
🤶 | mrs claus christmas | mère noël
🦸 | superhero | super-héros
🧙 | mage wizard | magicien sorcier
🧚 | fairy | fée
🚶 | walking | marcher
🏃 | running | courir
💃 | dancing woman | danseuse danser
🕺 | dancing man | danseur danser
👯 | dancers party | danseuses fête
🧘 | yoga meditation | yoga méditation
👫 | couple | couple
👪 | family | famille
👨‍👩‍👧 | family | famille
🗣️ | speaking | parler
👥 | people group | groupe personnes
""",
    "animals": """
🐶 | dog puppy | chien chiot
🐱 | cat kitten | chat chaton
🐭 | mouse | souris
🐹 | hamster | hamster
🐰 | rabbit bunny easter | lapin pâques
🦊 | fox | renard
🐻 | bear | ours
🐼 | panda | panda
🐨 | koala | koala
🐯 | tiger | tigre
🦁 | lion | lion
🐮 | cow | vache
🐷 | pig | cochon
🐸 | frog | grenouille
🐵 | monkey | singe
🐔 | chicken | poule
🐧 | penguin | pingouin manchot
🐦 | bird | oiseau
🐤 | chick | poussin
🦆 | duck | canard
🦉 | owl | chouette hibou
🐴 | horse | cheval
🦄 | unicorn | licorne
🐝 | bee honey | abeille miel
🐛 | bug caterpillar | chenille
🦋 | butterfly | papillon
🐌 | snail | escargot
🐞 | ladybug | coccinelle
🐢 | turtle | tortue
🐍 | snake | serpent
🐙 | octopus | pieuvre poulpe
🦀 | crab | crabe
🦞 | lobster | homard
🦐 | shrimp | crevette
🦪 | oyster | huître
🐟 | fish | poisson
🐠 | tropical fish | poisson tropical
🐬 | dolphin | dauphin
🐳 | whale | baleine
🐘 | elephant | éléphant
🐑 | sheep | mouton brebis
🐐 | goat | chèvre
🐓 | rooster | coq
🐾 | paw prints pets | empreintes pattes animaux
🌸 | cherry blossom spring | fleur de cerisier printemps
🌷 | tulip flower | tulipe fleur
🌹 | rose flower | rose fleur
🌻 | sunflower | tournesol
🌼 | blossom flower | fleur
💐 | bouquet flowers | bouquet fleurs
🌱 | seedling plant | pousse plante
🌿 | herb | herbe aromatique
🍀 | four leaf clover luck | trèfle chance
🍁 | maple leaf autumn | feuille d'érable automne
🍂 | fallen leaves autumn | feuilles mortes automne
🌳 | tree | arbre
🌲 | evergreen tree | sapin
🌵 | cactus | cactus
🍄 | mushroom | champignon
🌍 | earth world globe | terre monde planète
🌙 | moon night | lune nuit
⭐ | star | étoile
🌟 | glowing star | étoile brillante
✨ | sparkles new magic | étincelles nouveau magie
⚡ | lightning | éclair
🔥 | fire hot | feu chaud
🌈 | rainbow | arc-en-ciel
☀️ | sun sunny | soleil ensoleillé
⛅ | cloud sun | nuage soleil
☁️ | cloud | nuage
🌧️ | rain | pluie
⛈️ | storm thunder | orage
❄️ | snowflake winter | flocon neige hiver
☃️ | snowman winter | bonhomme de neige hiver
🌊 | wave sea ocean | vague mer océan
💧 | droplet water | goutte eau
""",
    "food": """
🍏 | green apple | pomme verte
🍎 | apple red | pomme rouge
🍐 | pear | poire
🍊 | orange tangerine | orange mandarine
🍋 | lemon | citron
🍌 | banana | banane
🍉 | watermelon | pastèque
🍇 | grapes wine | raisin vigne
🍓 | strawberry | fraise
🫐 | blueberries | myrtilles
🍒 | cherries | cerises
🍑 | peach | pêche
🥭 | mango | mangue
🍍 | pineapple | ananas
🥥 | coconut | noix de coco
🥝 | kiwi | kiwi
🍅 | tomato | tomate
🍆 | eggplant aubergine | aubergine
🥑 | avocado | avocat
🥦 | broccoli | brocoli
🥬 | leafy green salad | salade verte
🥒 | cucumber | concombre
🌶️ | hot pepper spicy | piment épicé
🌽 | corn | maïs
🥕 | carrot | carotte
🧄 | garlic | ail
🧅 | onion | oignon
🥔 | potato | pomme de terre patate
🥐 | croissant breakfast bakery | croissant petit déjeuner boulangerie viennoiserie
🥖 | baguette bread bakery | baguette pain boulangerie
🍞 | bread | pain
🥨 | pretzel | bretzel
🧀 | cheese | fromage
🥚 | egg | œuf
🍳 | cooking fried egg | cuisine œuf au plat
🧈 | butter | beurre
🥞 | pancakes crepes | crêpes pancakes
🧇 | waffle | gaufre
🥓 | bacon | bacon lard
🥩 | meat steak | viande steak
🍗 | poultry leg chicken | poulet cuisse
🍔 | burger hamburger | burger hamburger
🍟 | fries | frites
🍕 | pizza | pizza
🌭 | hot dog | hot-dog
🥪 | sandwich | sandwich
🌮 | taco | taco
🥗 | salad | salade
🍝 | spaghetti pasta | pâtes spaghetti
🍜 | noodles ramen | nouilles ramen
🍲 | stew pot | ragoût pot-au-feu
🍛 | curry rice | curry riz
🍣 | sushi | sushi
🍤 | fried shrimp | crevette frite
🥟 | dumpling | ravioli
🍦 | ice cream soft | glace italienne
🍨 | ice cream | glace
🍧 | shaved ice | granité
🍰 | cake shortcake pastry | gâteau pâtisserie part
🎂 | birthday cake | gâteau d'anniversaire
🧁 | cupcake | cupcake petit gâteau
🥧 | pie tart | tarte
🍫 | chocolate | chocolat
🍬 | candy | bonbon
🍭 | lollipop | sucette
🍮 | custard flan | flan crème
🍯 | honey | miel
🍩 | doughnut donut | beignet donut
🍪 | cookie biscuit | biscuit cookie
🌰 | chestnut | châtaigne marron
🥜 | peanuts | cacahuètes
☕ | coffee hot drink | café boisson chaude
🍵 | tea | thé
🧃 | juice box | jus
🥤 | soda cup | soda gobelet
🧋 | bubble tea | thé aux perles
🍶 | sake | saké
🍺 | beer | bière
🍻 | cheers beers | santé bières trinquer
🥂 | cheers champagne toast | trinquer champagne santé
🍷 | wine glass red | vin rouge verre
🍸 | cocktail | cocktail
🍹 | tropical drink | cocktail tropical
🍾 | champagne bottle celebrate | champagne bouteille célébrer
🧊 | ice cube | glaçon
🍽️ | plate cutlery restaurant | assiette couverts restaurant
🍴 | fork knife | fourchette couteau
🥄 | spoon | cuillère
🔪 | knife | couteau
🏺 | amphora | amphore
""",
    "activities": """
🎉 | party popper celebrate congratulations | fête cotillons félicitations
🎊 | confetti ball party | confettis fête
🎈 | balloon party birthday | ballon fête anniversaire
🎁 | gift present | cadeau
🎀 | ribbon bow | ruban nœud
🎄 | christmas tree | sapin de noël
🎃 | jack o lantern halloween pumpkin | citrouille halloween
🎆 | fireworks | feu d'artifice
🎇 | sparkler | cierge magique
🧨 | firecracker | pétard
🎏 | carp streamer | banderole
🎐 | wind chime | carillon
🎑 | moon viewing | lune
🏮 | lantern | lanterne
🎟️ | admission tickets | billets entrée
🎫 | ticket | ticket billet
🏆 | trophy winner | trophée gagnant
🏅 | medal sports | médaille
🥇 | gold medal first | médaille d'or premier
🥈 | silver medal second | médaille d'argent deuxième
🥉 | bronze medal third | médaille de bronze troisième
⚽ | soccer football | football foot ballon
🏀 | basketball | basket
🏈 | american football | football américain
⚾ | baseball | baseball
🎾 | tennis | tennis
🏐 | volleyball | volley
🏉 | rugby | rugby
🎱 | billiards pool | billard
🏓 | ping pong | ping-pong tennis de table
🏸 | badminton | badminton
⛳ | golf | golf
🎣 | fishing | pêche
🤿 | diving | plongée
🎿 | ski | ski
⛷️ | skier | skieur
🏂 | snowboard | snowboard
🏋️ | weight lifting gym | musculation salle de sport
🚴 | cycling bike | vélo cyclisme
🏊 | swimming | natation nager
🧗 | climbing | escalade
🤸 | cartwheel gymnastics | gymnastique roue
🎯 | target goal bullseye | cible objectif
🎮 | video game | jeu vidéo
🎲 | dice game | dé jeu
🧩 | puzzle | puzzle
🎨 | art palette painting | art palette peinture
🎭 | theatre performing arts | théâtre spectacle
🎬 | cinema movie | cinéma film
🎤 | microphone karaoke | micro karaoké
🎧 | headphones music | casque musique
🎵 | music note | note de musique
🎶 | music notes | notes de musique
🎸 | guitar | guitare
🎹 | piano keyboard | piano
🎺 | trumpet | trompette
🎻 | violin | violon
🥁 | drum | batterie tambour
🎷 | saxophone | saxophone
📚 | books reading | livres lecture
🧶 | yarn knitting | laine tricot
🧵 | thread sewing | fil couture
""",
    "travel": """
🚗 | car | voiture
🚕 | taxi | taxi
🚌 | bus | bus
🚎 | trolleybus | trolleybus
🚑 | ambulance | ambulance
🚒 | fire engine | camion de pompiers
🚚 | delivery truck | camion livraison
🚜 | tractor farm | tracteur ferme
🚲 | bicycle bike | vélo bicyclette
🛵 | scooter | scooter
🏍️ | motorcycle | moto
🚂 | locomotive train | locomotive train
🚆 | train | train
🚇 | metro subway | métro
🚊 | tram | tramway
✈️ | airplane travel | avion voyage
🚀 | rocket launch | fusée lancement
🚁 | helicopter | hélicoptère
⛵ | sailboat | voilier
🚤 | speedboat | bateau
🚢 | ship cruise | bateau croisière
⚓ | anchor | ancre
⛽ | fuel pump | essence station
🚧 | construction work | travaux chantier
🚦 | traffic light | feu tricolore
🗺️ | map | carte
🧭 | compass | boussole
🏔️ | mountain snow | montagne
⛰️ | mountain | montagne
🏕️ | camping | camping
🏖️ | beach umbrella | plage parasol
🏝️ | island | île
🏞️ | national park | parc nature
🏟️ | stadium | stade
🏛️ | classical building museum | monument musée
🏗️ | building construction | construction bâtiment
🏠 | house home | maison
🏡 | house garden | maison jardin
🏢 | office building | bureau immeuble
🏣 | post office | poste
🏥 | hospital | hôpital
🏦 | bank | banque
🏨 | hotel | hôtel
🏪 | convenience store shop | supérette boutique magasin
🏫 | school | école
🏬 | department store | grand magasin
🏭 | factory | usine
🏰 | castle | château
💒 | wedding chapel | mariage chapelle
🗼 | tokyo tower | tour
🗽 | statue of liberty | statue de la liberté
⛪ | church | église
⛲ | fountain | fontaine
⛺ | tent | tente
🌁 | foggy | brouillard
🌃 | night stars city | nuit ville
🌅 | sunrise | lever de soleil
🌄 | sunrise mountains | lever de soleil montagne
🌇 | sunset city | coucher de soleil
🌉 | bridge night | pont
🎡 | ferris wheel | grande roue
🎢 | roller coaster | montagnes russes
🎠 | carousel | manège
🗓️ | calendar | calendrier
⏰ | alarm clock | réveil
⌛ | hourglass | sablier
""",
    "objects": """
📱 | mobile phone | téléphone portable
💻 | laptop computer | ordinateur portable
🖥️ | desktop computer | ordinateur
⌨️ | keyboard | clavier
🖨️ | printer | imprimante
📷 | camera photo | appareil photo
📸 | camera flash photo | appareil photo flash
🎥 | movie camera video | caméra vidéo
📺 | television | télévision
📻 | radio | radio
☎️ | telephone | téléphone
📞 | telephone receiver call | combiné appel
🔋 | battery | batterie pile
🔌 | plug | prise
💡 | light bulb idea | ampoule idée
🔦 | flashlight | lampe torche
🕯️ | candle | bougie
🧯 | fire extinguisher | extincteur
💸 | money flying | argent dépenses
💵 | dollar banknote | billet dollar
💶 | euro banknote | billet euro
💰 | money bag | sac d'argent
💳 | credit card payment | carte bancaire paiement
🧾 | receipt | ticket de caisse reçu
💎 | gem diamond | diamant pierre précieuse
⚖️ | balance scale justice | balance justice
🧰 | toolbox | boîte à outils
🔧 | wrench | clé à molette
🔨 | hammer | marteau
🪛 | screwdriver | tournevis
⚙️ | gear settings | engrenage réglages
🧱 | brick | brique
🧲 | magnet | aimant
🔑 | key | clé
🗝️ | old key | vieille clé
🚪 | door | porte
🪑 | chair | chaise
🛋️ | couch sofa | canapé
🛏️ | bed | lit
🛁 | bathtub | baignoire
🧴 | lotion bottle | crème flacon
🧼 | soap | savon
🧽 | sponge | éponge
🧹 | broom | balai
🧺 | basket | panier
🛒 | shopping cart | caddie chariot courses
🛍️ | shopping bags | sacs shopping achats
👕 | t-shirt | t-shirt
👖 | jeans | jean
👗 | dress | robe
👠 | high heel shoe | talon chaussure
👟 | sneaker shoe | basket chaussure
👜 | handbag | sac à main
👓 | glasses | lunettes
💍 | ring wedding | bague mariage
👑 | crown | couronne
🎩 | top hat | chapeau haut-de-forme
🧢 | cap | casquette
✂️ | scissors | ciseaux
📌 | pushpin | punaise
📍 | round pushpin location | épingle lieu
📎 | paperclip | trombone
✏️ | pencil | crayon
🖊️ | pen | stylo
📝 | memo note | note mémo
📅 | calendar date | calendrier date
📆 | tear off calendar | calendrier
📋 | clipboard | presse-papiers
📁 | folder | dossier
📊 | bar chart | graphique
📈 | chart increasing growth | graphique hausse croissance
📉 | chart decreasing | graphique baisse
📦 | package box delivery | colis carton livraison
✉️ | envelope mail | enveloppe courrier
📧 | email | e-mail courriel
📣 | megaphone announcement | mégaphone annonce
📢 | loudspeaker announcement | haut-parleur annonce
🔔 | bell notification | cloche notification
🏷️ | label tag price | étiquette prix
🔖 | bookmark | marque-page
📰 | newspaper news | journal actualités
📖 | open book | livre ouvert
🔍 | magnifying glass search | loupe rechercher
🔒 | locked | cadenas fermé
🔓 | unlocked | cadenas ouvert
💊 | pill medicine | pilule médicament
🩺 | stethoscope | stéthoscope
🧪 | test tube | éprouvette
🔭 | telescope | télescope
🪴 | potted plant | plante en pot
🧸 | teddy bear | ours en peluche nounours
🪄 | magic wand | baguette magique
⏳ | hourglass time | sablier temps
⌚ | watch | montre
""",
    "symbols": """
❤️ | red heart love | cœur rouge amour
🧡 | orange heart | cœur orange
💛 | yellow heart | cœur jaune
💚 | green heart | cœur vert
💙 | blue heart | cœur bleu
💜 | purple heart | cœur violet
🖤 | black heart | cœur noir
🤍 | white heart | cœur blanc
🤎 | brown heart | cœur marron
💔 | broken heart | cœur brisé
❣️ | heart exclamation | cœur exclamation
💕 | two hearts love | deux cœurs amour
💞 | revolving hearts | cœurs tournants
💓 | beating heart | cœur battant
💗 | growing heart | cœur grandissant
💖 | sparkling heart | cœur étincelant
💘 | heart arrow cupid | cœur flèche cupidon
💝 | heart ribbon gift | cœur ruban cadeau
💌 | love letter | lettre d'amour
💋 | kiss mark | bisou rouge à lèvres
💯 | hundred points perfect | cent points parfait
💢 | anger | colère
💥 | collision boom | boum explosion
💫 | dizzy star | étoile
💦 | sweat droplets | gouttes
💨 | dashing away fast | vite course
💬 | speech balloon comment | bulle commentaire
💭 | thought balloon | bulle pensée
💤 | zzz sleep | dodo sommeil
✅ | check mark done yes | coche validé fait oui
☑️ | check box | case cochée
✔️ | check mark | coche
❌ | cross mark no | croix non
❎ | cross button | croix
➕ | plus add | plus ajouter
➖ | minus | moins
❓ | question mark | point d'interrogation question
❗ | exclamation mark | point d'exclamation
‼️ | double exclamation | double exclamation
⚠️ | warning | attention avertissement
⛔ | no entry | sens interdit
🚫 | prohibited forbidden | interdit
♻️ | recycling | recyclage
🆕 | new button | nouveau
🆓 | free button | gratuit
🆗 | ok button | ok
🆙 | up button | en haut
🔝 | top | top
🔜 | soon | bientôt
🔛 | on | activé
💲 | dollar sign | dollar
💱 | currency exchange | change devises
©️ | copyright | droits d'auteur
®️ | registered | marque déposée
™️ | trade mark | marque commerciale
🔴 | red circle | rond rouge
🟠 | orange circle | rond orange
🟡 | yellow circle | rond jaune
🟢 | green circle | rond vert
🔵 | blue circle | rond bleu
🟣 | purple circle | rond violet
⚫ | black circle | rond noir
⚪ | white circle | rond blanc
🔶 | orange diamond | losange orange
🔷 | blue diamond | losange bleu
▶️ | play | lecture
⏸️ | pause | pause
⏩ | fast forward | avance rapide
🔁 | repeat | répéter
🔄 | refresh arrows | actualiser flèches
⬆️ | up arrow | flèche haut
⬇️ | down arrow | flèche bas
⬅️ | left arrow | flèche gauche
➡️ | right arrow | flèche droite
↩️ | return arrow | flèche retour
🔗 | link | lien
#️⃣ | hashtag number sign | hashtag dièse
🔢 | numbers | chiffres
🅰️ | a button | lettre a
ℹ️ | information | information
📍 | location pin | lieu épingle
🕐 | one o'clock time | une heure
☮️ | peace | paix
☯️ | yin yang | yin yang
🆘 | sos help | sos au secours
🎦 | cinema | cinéma
📶 | signal bars | réseau signal
🛜 | wireless wifi | wifi sans fil
♀️ | female sign | féminin
♂️ | male sign | masculin
⚧️ | transgender symbol | transgenre
🏳️‍🌈 | rainbow flag pride | drapeau arc-en-ciel fierté
""",
    "flags": """
🇫🇷 | france french | france français
🇧🇪 | belgium | belgique
🇨🇭 | switzerland | suisse
🇨🇦 | canada quebec | canada québec
🇱🇺 | luxembourg | luxembourg
🇲🇨 | monaco | monaco
🇪🇺 | european union europe | union européenne europe
🇬🇧 | united kingdom uk | royaume-uni angleterre
🇺🇸 | united states usa | états-unis
🇩🇪 | germany | allemagne
🇪🇸 | spain | espagne
🇮🇹 | italy | italie
🇵🇹 | portugal | portugal
🇳🇱 | netherlands | pays-bas
🇮🇪 | ireland | irlande
🇲🇦 | morocco | maroc
🇩🇿 | algeria | algérie
🇹🇳 | tunisia | tunisie
🇸🇳 | senegal | sénégal
🇨🇮 | ivory coast côte d'ivoire | côte d'ivoire
🇨🇲 | cameroon | cameroun
🇭🇹 | haiti | haïti
🇯🇵 | japan | japon
🇧🇷 | brazil | brésil
🏁 | chequered flag finish | drapeau à damier arrivée
🚩 | triangular flag | drapeau triangulaire
🏴 | black flag | drapeau noir
🏳️ | white flag | drapeau blanc
""",
}


@dataclass(frozen=True)
class Emoji:
    char: str
    category: str
    # Shown as a tooltip and read by screen readers (Unicode names are poor: "heavy black heart").
    name_en: str
    name_fr: str
    keywords: tuple[str, ...]  # normalised (see `normalise`), English and French, words and phrases

    def name(self, lang: str) -> str:
        return self.name_fr if lang == "fr" else self.name_en


def normalise(text: str) -> str:
    """Lower case without accents; œ and æ spelt out, so "coeur" finds "cœur" and "fete" finds "fête"."""
    text = text.casefold().replace("œ", "oe").replace("æ", "ae").replace("’", "'")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _unicode_name(char: str) -> str:
    # The name of the first visible code point (skip variation selectors and joiners).
    for ch in char:
        name = unicodedata.name(ch, "")
        if name and not name.startswith(("VARIATION SELECTOR", "ZERO WIDTH")):
            return name.lower()
    return ""


@cache
def all_emoji() -> tuple[Emoji, ...]:
    out: list[Emoji] = []
    seen: set[str] = set()
    for category in CATEGORIES:
        for line in _TABLE[category].strip().splitlines():
            char, english, french = (part.strip() for part in line.split("|"))
            if char in seen:  # the same emoji may be listed under two categories: keep the first
                continue
            seen.add(char)
            words = (english, french, _unicode_name(char))
            out.append(
                Emoji(
                    char,
                    category,
                    english,
                    french,
                    tuple(normalise(w) for w in words if w),
                )
            )
    return tuple(out)


def in_category(category: str) -> list[str]:
    return [e.char for e in all_emoji() if e.category == category]


@cache
def by_char() -> dict[str, Emoji]:
    return {e.char: e for e in all_emoji()}


def _matches(emoji: Emoji, terms: list[str]) -> bool:
    # Each term must start a word of some keyword ("coe" finds "cœur"; "art" does not find "heart").
    words = [w for phrase in emoji.keywords for w in phrase.replace("-", " ").replace("'", " ").split()]
    return all(any(w.startswith(t) for w in words) for t in terms)


def search(query: str, recent: list[str] | None = None) -> list[str]:
    """Emoji whose English or French keywords match every word of `query`; recently used ones first."""
    terms = normalise(query).replace("'", " ").split()
    if not terms:
        return []
    found = [e for e in all_emoji() if _matches(e, terms)]
    # Emoji whose keywords begin with the query come first: "coeur" gives the red heart before 🥰.
    found.sort(key=lambda e: not any(k.startswith(terms[0]) for k in e.keywords))
    chars = [e.char for e in found]
    first = [c for c in recent or [] if c in chars]
    return first + [c for c in chars if c not in first]
