# ruff: noqa: E501  (the country table keeps one country per line)
"""Write src/dateline/actors/data/countries/countries.yaml from the hand-written country table below.

ISO codes come from pycountry; names, capitals, demonyms, aliases and Wikidata ids are hand-written here.
Table columns (pipe-separated): ISO3 | canonical name | Wikipedia title (blank = name) | capital |
demonyms (comma-separated, adjective first) | aliases (semicolon-separated) | Wikidata QID (blank = unknown).
"""

from pathlib import Path

import pycountry
import yaml

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "actors" / "data" / "countries" / "countries.yaml"

TABLE = """
ABW|Aruba||Oranjestad|Aruban,Arubans||Q21203
AFG|Afghanistan||Kabul|Afghan,Afghans|Islamic Emirate of Afghanistan;Islamic Republic of Afghanistan|Q889
AGO|Angola||Luanda|Angolan,Angolans|Republic of Angola|Q916
AIA|Anguilla||The Valley|Anguillan,Anguillans||
ALA|Åland Islands||Mariehamn|Ålander,Ålanders|Aland Islands;Åland;Aland|
ALB|Albania||Tirana|Albanian,Albanians|Republic of Albania|Q222
AND|Andorra||Andorra la Vella|Andorran,Andorrans|Principality of Andorra|Q228
ARE|United Arab Emirates||Abu Dhabi|Emirati,Emiratis|UAE;U.A.E.;the Emirates;Emirates|Q878
ARG|Argentina||Buenos Aires|Argentine,Argentines,Argentinian,Argentinians|Argentine Republic|Q414
ARM|Armenia||Yerevan|Armenian,Armenians|Republic of Armenia|Q399
ASM|American Samoa||Pago Pago|American Samoan,American Samoans||
ATA|Antarctica||||Antarctic|
ATF|French Southern Territories|French Southern and Antarctic Lands|Saint-Pierre, Réunion||French Southern and Antarctic Lands;TAAF|
ATG|Antigua and Barbuda||St. John's|Antiguan,Antiguans,Barbudan,Barbudans|Antigua|Q781
AUS|Australia||Canberra|Australian,Australians,Aussie,Aussies|Commonwealth of Australia|Q408
AUT|Austria||Vienna|Austrian,Austrians|Republic of Austria|Q40
AZE|Azerbaijan||Baku|Azerbaijani,Azerbaijanis,Azeri,Azeris|Republic of Azerbaijan|Q227
BDI|Burundi||Gitega|Burundian,Burundians|Republic of Burundi|Q967
BEL|Belgium||Brussels|Belgian,Belgians|Kingdom of Belgium|Q31
BEN|Benin||Porto-Novo|Beninese|Republic of Benin;Dahomey|Q962
BES|Caribbean Netherlands||Kralendijk|Dutch Caribbean|Bonaire, Sint Eustatius and Saba;Bonaire;Sint Eustatius;Saba;BES islands|
BFA|Burkina Faso||Ouagadougou|Burkinabe,Burkinabè|Burkina;Upper Volta|Q965
BGD|Bangladesh||Dhaka|Bangladeshi,Bangladeshis|People's Republic of Bangladesh|Q902
BGR|Bulgaria||Sofia|Bulgarian,Bulgarians|Republic of Bulgaria|Q219
BHR|Bahrain||Manama|Bahraini,Bahrainis|Kingdom of Bahrain|Q398
BHS|Bahamas|The Bahamas|Nassau|Bahamian,Bahamians|The Bahamas;Commonwealth of the Bahamas|Q778
BIH|Bosnia and Herzegovina||Sarajevo|Bosnian,Bosnians,Herzegovinian,Herzegovinians|Bosnia;Bosnia-Herzegovina;BiH|Q225
BLM|Saint Barthélemy||Gustavia|Barthélemois|Saint Barthelemy;St. Barts;St Barts;St. Barths|
BLR|Belarus||Minsk|Belarusian,Belarusians,Belarussian|Republic of Belarus;Byelorussia;Belorussia|Q184
BLZ|Belize||Belmopan|Belizean,Belizeans|British Honduras|Q242
BMU|Bermuda||Hamilton|Bermudian,Bermudians||
BOL|Bolivia||Sucre|Bolivian,Bolivians|Plurinational State of Bolivia|Q750
BRA|Brazil||Brasília|Brazilian,Brazilians|Federative Republic of Brazil;Brasil|Q155
BRB|Barbados||Bridgetown|Barbadian,Barbadians,Bajan,Bajans||Q244
BRN|Brunei||Bandar Seri Begawan|Bruneian,Bruneians|Brunei Darussalam|Q921
BTN|Bhutan||Thimphu|Bhutanese|Kingdom of Bhutan|Q917
BVT|Bouvet Island||||Bouvetøya|
BWA|Botswana||Gaborone|Motswana,Batswana,Botswanan|Republic of Botswana|Q963
CAF|Central African Republic||Bangui|Central African,Central Africans|CAR;Centrafrique|Q929
CAN|Canada||Ottawa|Canadian,Canadians||Q16
CCK|Cocos (Keeling) Islands||West Island|Cocos Islander,Cocos Islanders|Cocos Islands;Keeling Islands|
CHE|Switzerland||Bern|Swiss|Swiss Confederation;Confoederatio Helvetica|Q39
CHL|Chile||Santiago|Chilean,Chileans|Republic of Chile|Q298
CHN|China||Beijing|Chinese|People's Republic of China;PRC;P.R.C.;mainland China;Mainland China|Q148
CIV|Ivory Coast||Yamoussoukro|Ivorian,Ivorians|Côte d'Ivoire;Cote d'Ivoire;Côte d’Ivoire;Republic of Côte d'Ivoire|Q1008
CMR|Cameroon||Yaoundé|Cameroonian,Cameroonians|Republic of Cameroon|Q1009
COD|Democratic Republic of the Congo||Kinshasa|Congolese|DRC;DR Congo;D.R. Congo;DRCongo;Congo-Kinshasa;Congo Kinshasa;Zaire;Democratic Republic of Congo|Q974
COG|Republic of the Congo||Brazzaville|Congolese|Congo-Brazzaville;Congo Brazzaville;Congo Republic;Republic of Congo|Q971
COK|Cook Islands||Avarua|Cook Islander,Cook Islanders||
COL|Colombia||Bogotá|Colombian,Colombians|Republic of Colombia|Q739
COM|Comoros||Moroni|Comorian,Comorians|Union of the Comoros|Q970
CPV|Cape Verde||Praia|Cape Verdean,Cape Verdeans|Cabo Verde;Republic of Cabo Verde|Q1011
CRI|Costa Rica||San José|Costa Rican,Costa Ricans|Republic of Costa Rica|Q800
CUB|Cuba||Havana|Cuban,Cubans|Republic of Cuba|Q241
CUW|Curaçao||Willemstad|Curaçaoan,Curaçaoans|Curacao|
CXR|Christmas Island||Flying Fish Cove|Christmas Islander,Christmas Islanders||
CYM|Cayman Islands||George Town|Caymanian,Caymanians|the Caymans|
CYP|Cyprus||Nicosia|Cypriot,Cypriots|Republic of Cyprus|Q229
CZE|Czech Republic||Prague|Czech,Czechs|Czechia|Q213
DEU|Germany||Berlin|German,Germans|Federal Republic of Germany;Deutschland|Q183
DJI|Djibouti||Djibouti|Djiboutian,Djiboutians|Republic of Djibouti|Q977
DMA|Dominica||Roseau|Dominican,Dominicans|Commonwealth of Dominica|Q784
DNK|Denmark||Copenhagen|Danish,Danes,Dane|Kingdom of Denmark|Q35
DOM|Dominican Republic||Santo Domingo|Dominican,Dominicans|Dominican Rep.|Q786
DZA|Algeria||Algiers|Algerian,Algerians|People's Democratic Republic of Algeria|Q262
ECU|Ecuador||Quito|Ecuadorian,Ecuadorians,Ecuadorean|Republic of Ecuador|Q736
EGY|Egypt||Cairo|Egyptian,Egyptians|Arab Republic of Egypt|Q79
ERI|Eritrea||Asmara|Eritrean,Eritreans|State of Eritrea|Q986
ESH|Western Sahara||Laayoune|Sahrawi,Sahrawis,Saharawi,Saharawis|Sahrawi Arab Democratic Republic;SADR|
ESP|Spain||Madrid|Spanish,Spaniards,Spaniard|Kingdom of Spain;España|Q29
EST|Estonia||Tallinn|Estonian,Estonians|Republic of Estonia|Q191
ETH|Ethiopia||Addis Ababa|Ethiopian,Ethiopians|Federal Democratic Republic of Ethiopia|Q115
FIN|Finland||Helsinki|Finnish,Finns,Finn|Republic of Finland;Suomi|Q33
FJI|Fiji||Suva|Fijian,Fijians|Republic of Fiji|Q712
FLK|Falkland Islands||Stanley|Falkland Islander,Falkland Islanders,Falklander,Falklanders|Falklands;Malvinas;Islas Malvinas;Falkland Islands (Malvinas)|
FRA|France||Paris|French,Frenchman,Frenchmen,Frenchwoman|French Republic;République française|Q142
FRO|Faroe Islands||Tórshavn|Faroese|Faroes;Faeroe Islands|
FSM|Micronesia|Federated States of Micronesia|Palikir|Micronesian,Micronesians|Federated States of Micronesia;FSM|Q702
GAB|Gabon||Libreville|Gabonese|Gabonese Republic|Q1000
GBR|United Kingdom||London|British,Britons,Briton,Brits,Brit|UK;U.K.;Britain;Great Britain;United Kingdom of Great Britain and Northern Ireland;the UK|Q145
GEO|Georgia|Georgia (country)|Tbilisi|Georgian,Georgians|Sakartvelo|Q230
GGY|Guernsey||St Peter Port|Guernseyman,Guernsey people|Bailiwick of Guernsey|
GHA|Ghana||Accra|Ghanaian,Ghanaians|Republic of Ghana|Q117
GIB|Gibraltar||Gibraltar|Gibraltarian,Gibraltarians||
GIN|Guinea||Conakry|Guinean,Guineans|Republic of Guinea;Guinea-Conakry|Q1006
GLP|Guadeloupe||Basse-Terre|Guadeloupean,Guadeloupeans||
GMB|The Gambia||Banjul|Gambian,Gambians|Gambia;Republic of the Gambia|Q1005
GNB|Guinea-Bissau||Bissau|Bissau-Guinean,Bissau-Guineans|Republic of Guinea-Bissau|Q1007
GNQ|Equatorial Guinea||Malabo|Equatoguinean,Equatoguineans,Equatorial Guinean,Equatorial Guineans|Republic of Equatorial Guinea|Q983
GRC|Greece||Athens|Greek,Greeks|Hellenic Republic;Hellas|Q41
GRD|Grenada||St. George's|Grenadian,Grenadians||Q769
GRL|Greenland||Nuuk|Greenlandic,Greenlanders,Greenlander|Kalaallit Nunaat|
GTM|Guatemala||Guatemala City|Guatemalan,Guatemalans|Republic of Guatemala|Q774
GUF|French Guiana||Cayenne|French Guianese|Guyane|
GUM|Guam||Hagåtña|Guamanian,Guamanians|Guahan|
GUY|Guyana||Georgetown|Guyanese|Co-operative Republic of Guyana|Q734
HKG|Hong Kong||Hong Kong|Hong Konger,Hong Kongers,Hongkonger,Hongkongers|Hong Kong SAR;HKSAR;Hong Kong Special Administrative Region|Q8646
HMD|Heard Island and McDonald Islands|||||
HND|Honduras||Tegucigalpa|Honduran,Hondurans|Republic of Honduras|Q783
HRV|Croatia||Zagreb|Croatian,Croatians,Croat,Croats|Republic of Croatia;Hrvatska|Q224
HTI|Haiti||Port-au-Prince|Haitian,Haitians|Republic of Haiti|Q790
HUN|Hungary||Budapest|Hungarian,Hungarians,Magyar|Magyarország|Q28
IDN|Indonesia||Jakarta|Indonesian,Indonesians|Republic of Indonesia|Q252
IMN|Isle of Man||Douglas|Manx|Mann|
IND|India||New Delhi|Indian,Indians|Republic of India;Bharat|Q668
IOT|British Indian Ocean Territory||||BIOT;Chagos Islands;Chagos Archipelago|
IRL|Ireland|Republic of Ireland|Dublin|Irish,Irishman,Irishmen|Republic of Ireland;Éire;Eire|Q27
IRN|Iran||Tehran|Iranian,Iranians,Persian,Persians|Islamic Republic of Iran;Persia|Q794
IRQ|Iraq||Baghdad|Iraqi,Iraqis|Republic of Iraq|Q796
ISL|Iceland||Reykjavík|Icelandic,Icelanders,Icelander||Q189
ISR|Israel||Jerusalem|Israeli,Israelis|State of Israel|Q801
ITA|Italy||Rome|Italian,Italians|Italian Republic;Italia|Q38
JAM|Jamaica||Kingston|Jamaican,Jamaicans||Q766
JEY|Jersey||St Helier|Jerseyman,Jersey people|Bailiwick of Jersey|
JOR|Jordan||Amman|Jordanian,Jordanians|Hashemite Kingdom of Jordan|Q810
JPN|Japan||Tokyo|Japanese|Nippon;Nihon|Q17
KAZ|Kazakhstan||Astana|Kazakhstani,Kazakhstanis,Kazakh,Kazakhs|Republic of Kazakhstan;Qazaqstan|Q232
KEN|Kenya||Nairobi|Kenyan,Kenyans|Republic of Kenya|Q114
KGZ|Kyrgyzstan||Bishkek|Kyrgyzstani,Kyrgyz,Kirghiz|Kyrgyz Republic;Kirghizia;Kirgizia|Q813
KHM|Cambodia||Phnom Penh|Cambodian,Cambodians,Khmer|Kingdom of Cambodia;Kampuchea|Q424
KIR|Kiribati||Tarawa|I-Kiribati|Republic of Kiribati|Q710
KNA|Saint Kitts and Nevis||Basseterre|Kittitian,Kittitians,Nevisian,Nevisians|St. Kitts and Nevis;St Kitts and Nevis;St. Kitts|Q763
KOR|South Korea||Seoul|South Korean,South Koreans|Republic of Korea;ROK;R.O.K.;S. Korea;Korea|Q884
KWT|Kuwait||Kuwait City|Kuwaiti,Kuwaitis|State of Kuwait|Q817
LAO|Laos||Vientiane|Laotian,Laotians,Lao|Lao PDR;Lao People's Democratic Republic|Q819
LBN|Lebanon||Beirut|Lebanese|Lebanese Republic|Q822
LBR|Liberia||Monrovia|Liberian,Liberians|Republic of Liberia|Q1014
LBY|Libya||Tripoli|Libyan,Libyans|State of Libya;Libyan Arab Jamahiriya|Q1016
LCA|Saint Lucia||Castries|Saint Lucian,Saint Lucians|St. Lucia;St Lucia|Q760
LIE|Liechtenstein||Vaduz|Liechtensteiner,Liechtensteiners|Principality of Liechtenstein|Q347
LKA|Sri Lanka||Sri Jayawardenepura Kotte|Sri Lankan,Sri Lankans|Democratic Socialist Republic of Sri Lanka;Ceylon|Q854
LSO|Lesotho||Maseru|Mosotho,Basotho|Kingdom of Lesotho|Q1013
LTU|Lithuania||Vilnius|Lithuanian,Lithuanians|Republic of Lithuania;Lietuva|Q37
LUX|Luxembourg||Luxembourg|Luxembourgish,Luxembourgers,Luxembourger|Grand Duchy of Luxembourg|Q32
LVA|Latvia||Riga|Latvian,Latvians|Republic of Latvia;Latvija|Q211
MAC|Macau||Macau|Macanese|Macao;Macau SAR;Macao Special Administrative Region|Q14773
MAF|Saint Martin||Marigot|Saint-Martinois|Saint Martin (French part);Collectivity of Saint Martin|
MAR|Morocco||Rabat|Moroccan,Moroccans|Kingdom of Morocco;Maroc|Q1028
MCO|Monaco||Monaco|Monégasque,Monegasque,Monegasques|Principality of Monaco|Q235
MDA|Moldova||Chișinău|Moldovan,Moldovans|Republic of Moldova|Q217
MDG|Madagascar||Antananarivo|Malagasy|Republic of Madagascar|Q1019
MDV|Maldives||Malé|Maldivian,Maldivians|Republic of Maldives;the Maldives|Q826
MEX|Mexico||Mexico City|Mexican,Mexicans|United Mexican States;México|Q96
MHL|Marshall Islands||Majuro|Marshallese|Republic of the Marshall Islands|Q709
MKD|North Macedonia||Skopje|North Macedonian,Macedonian,Macedonians|Macedonia;Republic of North Macedonia;FYROM;Former Yugoslav Republic of Macedonia|Q221
MLI|Mali||Bamako|Malian,Malians|Republic of Mali|Q912
MLT|Malta||Valletta|Maltese|Republic of Malta|Q233
MMR|Myanmar||Naypyidaw|Burmese,Myanmarese|Burma;Republic of the Union of Myanmar|Q836
MNE|Montenegro||Podgorica|Montenegrin,Montenegrins|Crna Gora|Q236
MNG|Mongolia||Ulaanbaatar|Mongolian,Mongolians||Q711
MNP|Northern Mariana Islands||Saipan|Northern Mariana Islander,Northern Mariana Islanders|Commonwealth of the Northern Mariana Islands;CNMI;Marianas|
MOZ|Mozambique||Maputo|Mozambican,Mozambicans|Republic of Mozambique|Q1029
MRT|Mauritania||Nouakchott|Mauritanian,Mauritanians|Islamic Republic of Mauritania|Q1025
MSR|Montserrat||Plymouth|Montserratian,Montserratians||
MTQ|Martinique||Fort-de-France|Martinican,Martinicans,Martiniquais||
MUS|Mauritius||Port Louis|Mauritian,Mauritians|Republic of Mauritius|Q1027
MWI|Malawi||Lilongwe|Malawian,Malawians|Republic of Malawi;Nyasaland|Q1020
MYS|Malaysia||Kuala Lumpur|Malaysian,Malaysians||Q833
MYT|Mayotte||Mamoudzou|Mahoran,Mahorans||
NAM|Namibia||Windhoek|Namibian,Namibians|Republic of Namibia;South West Africa|Q1030
NCL|New Caledonia||Nouméa|New Caledonian,New Caledonians|Kanaky;Nouvelle-Calédonie|
NER|Niger||Niamey|Nigerien,Nigeriens|Republic of the Niger;Republic of Niger|Q1032
NFK|Norfolk Island||Kingston|Norfolk Islander,Norfolk Islanders||
NGA|Nigeria||Abuja|Nigerian,Nigerians|Federal Republic of Nigeria|Q1033
NIC|Nicaragua||Managua|Nicaraguan,Nicaraguans|Republic of Nicaragua|Q811
NIU|Niue||Alofi|Niuean,Niueans||
NLD|Netherlands||Amsterdam|Dutch,Dutchman,Dutchmen,Netherlander,Netherlanders|Holland;Kingdom of the Netherlands;The Netherlands;Nederland|Q55
NOR|Norway||Oslo|Norwegian,Norwegians|Kingdom of Norway;Norge|Q20
NPL|Nepal||Kathmandu|Nepali,Nepalis,Nepalese|Federal Democratic Republic of Nepal|Q837
NRU|Nauru||Yaren|Nauruan,Nauruans|Republic of Nauru|Q697
NZL|New Zealand||Wellington|New Zealander,New Zealanders,Kiwi,Kiwis|NZ;N.Z.;Aotearoa|Q664
OMN|Oman||Muscat|Omani,Omanis|Sultanate of Oman|Q842
PAK|Pakistan||Islamabad|Pakistani,Pakistanis|Islamic Republic of Pakistan|Q843
PAN|Panama||Panama City|Panamanian,Panamanians|Republic of Panama|Q804
PCN|Pitcairn Islands||Adamstown|Pitcairn Islander,Pitcairn Islanders|Pitcairn;Pitcairn, Henderson, Ducie and Oeno Islands|
PER|Peru||Lima|Peruvian,Peruvians|Republic of Peru;Perú|Q419
PHL|Philippines||Manila|Filipino,Filipinos,Philippine,Filipina|Republic of the Philippines;the Philippines|Q928
PLW|Palau||Ngerulmud|Palauan,Palauans|Republic of Palau|Q695
PNG|Papua New Guinea||Port Moresby|Papua New Guinean,Papua New Guineans|PNG;Independent State of Papua New Guinea|Q691
POL|Poland||Warsaw|Polish,Poles,Pole|Republic of Poland;Polska|Q36
PRI|Puerto Rico||San Juan|Puerto Rican,Puerto Ricans|Commonwealth of Puerto Rico;Porto Rico|
PRK|North Korea||Pyongyang|North Korean,North Koreans|Democratic People's Republic of Korea;DPRK;D.P.R.K.;N. Korea|Q423
PRT|Portugal||Lisbon|Portuguese|Portuguese Republic|Q45
PRY|Paraguay||Asunción|Paraguayan,Paraguayans|Republic of Paraguay|Q733
PSE|Palestine|State of Palestine|Ramallah|Palestinian,Palestinians|State of Palestine;Palestinian Territories;Palestinian territories;Occupied Palestinian Territory;occupied Palestinian territories;Palestinian Authority territories|Q219060
PYF|French Polynesia||Papeete|French Polynesian,French Polynesians|Polynésie française|
QAT|Qatar||Doha|Qatari,Qataris|State of Qatar|Q846
REU|Réunion||Saint-Denis|Réunionese,Reunionese|Reunion;La Réunion|
ROU|Romania||Bucharest|Romanian,Romanians|România;Rumania|Q218
RUS|Russia||Moscow|Russian,Russians|Russian Federation;the Russian Federation|Q159
RWA|Rwanda||Kigali|Rwandan,Rwandans|Republic of Rwanda;Rwandese Republic|Q1037
SAU|Saudi Arabia||Riyadh|Saudi,Saudis,Saudi Arabian,Saudi Arabians|Kingdom of Saudi Arabia;KSA|Q851
SDN|Sudan||Khartoum|Sudanese|Republic of the Sudan;the Sudan|Q1049
SEN|Senegal||Dakar|Senegalese|Republic of Senegal|Q1041
SGP|Singapore||Singapore|Singaporean,Singaporeans|Republic of Singapore|Q334
SGS|South Georgia and the South Sandwich Islands||King Edward Point||South Georgia;South Sandwich Islands|
SHN|Saint Helena, Ascension and Tristan da Cunha||Jamestown|Saint Helenian,Saint Helenians|Saint Helena;St Helena;Ascension Island;Tristan da Cunha|
SJM|Svalbard and Jan Mayen||Longyearbyen||Svalbard;Jan Mayen|
SLB|Solomon Islands||Honiara|Solomon Islander,Solomon Islanders|the Solomons|Q685
SLE|Sierra Leone||Freetown|Sierra Leonean,Sierra Leoneans|Republic of Sierra Leone|Q1044
SLV|El Salvador||San Salvador|Salvadoran,Salvadorans,Salvadorean|Republic of El Salvador|Q792
SMR|San Marino||San Marino|Sammarinese|Republic of San Marino|Q238
SOM|Somalia||Mogadishu|Somali,Somalis|Federal Republic of Somalia|Q1045
SPM|Saint Pierre and Miquelon||Saint-Pierre|Saint-Pierrais,Miquelonnais|St. Pierre and Miquelon|
SRB|Serbia||Belgrade|Serbian,Serbians,Serb,Serbs|Republic of Serbia;Srbija|Q403
SSD|South Sudan||Juba|South Sudanese|Republic of South Sudan|Q958
STP|São Tomé and Príncipe||São Tomé|Santomean,Santomeans|Sao Tome and Principe;São Tomé;Sao Tome|Q1039
SUR|Suriname||Paramaribo|Surinamese|Surinam;Republic of Suriname|Q730
SVK|Slovakia||Bratislava|Slovak,Slovaks,Slovakian|Slovak Republic;Slovensko|Q214
SVN|Slovenia||Ljubljana|Slovenian,Slovenians,Slovene,Slovenes|Republic of Slovenia;Slovenija|Q215
SWE|Sweden||Stockholm|Swedish,Swedes,Swede|Kingdom of Sweden;Sverige|Q34
SWZ|Eswatini||Mbabane|Swazi,Swazis,Emaswati|Swaziland;Kingdom of Eswatini|Q1050
SXM|Sint Maarten||Philipsburg|Sint Maartener,Sint Maarteners|Sint Maarten (Dutch part);St. Maarten|
SYC|Seychelles||Victoria|Seychellois|Republic of Seychelles|Q1042
SYR|Syria||Damascus|Syrian,Syrians|Syrian Arab Republic|Q858
TCA|Turks and Caicos Islands||Cockburn Town|Turks and Caicos Islander,Turks and Caicos Islanders|Turks and Caicos;TCI|
TCD|Chad||N'Djamena|Chadian,Chadians|Republic of Chad;Tchad|Q657
TGO|Togo||Lomé|Togolese|Togolese Republic|Q945
THA|Thailand||Bangkok|Thai,Thais|Kingdom of Thailand;Siam|Q869
TJK|Tajikistan||Dushanbe|Tajikistani,Tajik,Tajiks|Republic of Tajikistan;Tadjikistan|Q863
TKL|Tokelau||Nukunonu|Tokelauan,Tokelauans||
TKM|Turkmenistan||Ashgabat|Turkmen,Turkmens|Turkmenia|Q874
TLS|Timor-Leste|East Timor|Dili|Timorese,East Timorese|East Timor;Democratic Republic of Timor-Leste|Q574
TON|Tonga||Nukuʻalofa|Tongan,Tongans|Kingdom of Tonga|Q678
TTO|Trinidad and Tobago||Port of Spain|Trinidadian,Trinidadians,Tobagonian,Tobagonians|Trinidad;Republic of Trinidad and Tobago|Q754
TUN|Tunisia||Tunis|Tunisian,Tunisians|Republic of Tunisia|Q948
TUR|Turkey||Ankara|Turkish,Turks,Turk|Türkiye;Turkiye;Republic of Türkiye;Republic of Turkey|Q43
TUV|Tuvalu||Funafuti|Tuvaluan,Tuvaluans|Ellice Islands|Q672
TWN|Taiwan||Taipei|Taiwanese|Republic of China;ROC;R.O.C.;Chinese Taipei;Formosa|Q865
TZA|Tanzania||Dodoma|Tanzanian,Tanzanians|United Republic of Tanzania|Q924
UGA|Uganda||Kampala|Ugandan,Ugandans|Republic of Uganda|Q1036
UKR|Ukraine||Kyiv|Ukrainian,Ukrainians|the Ukraine;Ukrayina|Q212
UMI|United States Minor Outlying Islands||||U.S. Minor Outlying Islands;Wake Island;Midway Atoll;Johnston Atoll;Baker Island;Howland Island;Jarvis Island;Palmyra Atoll;Kingman Reef;Navassa Island|
URY|Uruguay||Montevideo|Uruguayan,Uruguayans|Oriental Republic of Uruguay;Eastern Republic of Uruguay|Q77
USA|United States||Washington, D.C.|American,Americans|U.S.;US;U.S.A.;USA;America;United States of America;the States;the U.S.;the US|Q30
UZB|Uzbekistan||Tashkent|Uzbekistani,Uzbek,Uzbeks|Republic of Uzbekistan;O'zbekiston|Q265
VAT|Vatican City||Vatican City|Vatican|Vatican;Holy See;the Holy See;Holy See (Vatican City State);Vatican City State|Q237
VCT|Saint Vincent and the Grenadines||Kingstown|Vincentian,Vincentians|St. Vincent and the Grenadines;St Vincent;Saint Vincent|Q757
VEN|Venezuela||Caracas|Venezuelan,Venezuelans|Bolivarian Republic of Venezuela|Q717
VGB|British Virgin Islands||Road Town|British Virgin Islander,British Virgin Islanders|BVI;Virgin Islands, British|
VIR|United States Virgin Islands||Charlotte Amalie|U.S. Virgin Islander,U.S. Virgin Islanders|U.S. Virgin Islands;US Virgin Islands;USVI;Virgin Islands of the United States|
VNM|Vietnam||Hanoi|Vietnamese|Viet Nam;Socialist Republic of Vietnam;Socialist Republic of Viet Nam|Q881
VUT|Vanuatu||Port Vila|Ni-Vanuatu|Republic of Vanuatu;New Hebrides|Q686
WLF|Wallis and Futuna||Mata-Utu|Wallisian,Futunan,Wallisians,Futunans|Wallis et Futuna|
WSM|Samoa||Apia|Samoan,Samoans|Independent State of Samoa;Western Samoa|Q683
XKX|Kosovo||Pristina|Kosovar,Kosovars,Kosovan,Kosovans|Republic of Kosovo;Kosova|Q1246
YEM|Yemen||Sanaa|Yemeni,Yemenis|Republic of Yemen|Q805
ZAF|South Africa||Pretoria|South African,South Africans|Republic of South Africa;RSA;S. Africa|Q258
ZMB|Zambia||Lusaka|Zambian,Zambians|Republic of Zambia;Northern Rhodesia|Q953
ZWE|Zimbabwe||Harare|Zimbabwean,Zimbabweans|Republic of Zimbabwe;Rhodesia|Q954
"""

# ISO 3166-1 codes outside pycountry: Kosovo's user-assigned code.
EXTRA_ISO2 = {"XKX": "XK"}


def build() -> list[dict[str, object]]:
    """Merge the table with pycountry and return country records in ISO3 order."""
    rows = {}
    for line in TABLE.strip().splitlines():
        iso3, name, wiki, capital, demonyms, aliases, qid = (part.strip() for part in line.split("|"))
        rows[iso3] = (name, wiki or name, capital, demonyms, aliases, qid)
    known = {c.alpha_3: c for c in pycountry.countries}
    missing = set(known) - set(rows)
    if missing:
        raise SystemExit(f"table lacks {sorted(missing)}")
    records: list[dict[str, object]] = []
    for iso3, (name, wiki, capital, demonyms, aliases, qid) in sorted(rows.items()):
        country = known.get(iso3)
        iso2 = country.alpha_2 if country else EXTRA_ISO2[iso3]
        alias_list = [a for a in aliases.split(";") if a]
        if country:
            for extra in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
                if extra and extra != name and extra not in alias_list:
                    alias_list.append(extra)
        rec: dict[str, object] = {"id": iso3.lower(), "name": name, "kind": "country", "country": iso3, "iso2": iso2}
        rec["demonyms"] = [d for d in demonyms.split(",") if d]
        if capital:
            rec["capital"] = capital
        rec["sectors"] = ["GOV"]
        rec["aliases"] = alias_list
        if qid:
            rec["qid"] = qid
        rec["wiki"] = wiki
        records.append(rec)
    return records


def main() -> None:
    """Write the YAML file."""
    records = build()
    header = "# Countries and territories (generated by scripts/gen_countries.py; edit the table there).\n"
    body = yaml.safe_dump(records, allow_unicode=True, sort_keys=False, width=120, default_flow_style=None)
    OUT.write_text(header + body, encoding="utf-8")
    print(f"wrote {len(records)} countries to {OUT}")


if __name__ == "__main__":
    main()
