package main

// The organizations of the sample: made-up companies, nonprofits and
// research centres, and public bodies under their generic names. None of
// the rows describes a real organization's participation. A city or size
// left empty is drawn at random.

type orgSpec struct {
	name, city, size string
}

var sectorDefs = []struct {
	id, label, color, prefix string
}{
	// Okabe-Ito colours, distinguishable with colour-blindness.
	{"government", "Government / ממשלה", "#0072B2", "G"},
	{"local", "Local authorities / רשויות מקומיות", "#56B4E9", "L"},
	{"business", "Business / עסקים", "#E69F00", "B"},
	{"nonprofit", "Nonprofits / עמותות", "#009E73", "N"},
	{"academia", "Academia / אקדמיה", "#CC79A7", "A"},
}

const (
	gov = iota
	local
	business
	nonprofit
	academia
	nSectors
)

var orgSpecs = [nSectors][]orgSpec{
	gov: {
		{"Prime Minister's Office – Policy Planning Division", "Jerusalem", "large"},
		{"Ministry of Welfare and Social Services", "Jerusalem", "large"},
		{"Ministry of Education", "Jerusalem", "large"},
		{"Ministry of Health", "Jerusalem", "large"},
		{"Ministry of Economy – Employment Administration", "Jerusalem", "large"},
		{"Ministry of Science and Technology", "Jerusalem", "medium"},
		{"Ministry of Culture and Sport", "Jerusalem", "medium"},
		{"מנהלת השירות הלאומי-אזרחי", "Jerusalem", "medium"},
		{"Ministry of Immigrant Absorption", "Jerusalem", "medium"},
		{"Ministry for Senior Citizens", "Jerusalem", "small"},
		{"Ministry of Environmental Protection", "Jerusalem", "medium"},
		{"Ministry of Agriculture and Rural Development", "Beit Dagan", "medium"},
		{"Ministry for the Development of the Negev and Galilee", "Jerusalem", "small"},
		{"Central Bureau of Statistics", "Jerusalem", "medium"},
		{"National Insurance Institute – Community Work Division", "Jerusalem", "large"},
		{"Israel Police – Civil Guard", "Jerusalem", "large"},
		{"Registrar of Nonprofits, Ministry of Justice", "Jerusalem", "small"},
		{"Ministry of the Interior", "Jerusalem", "large"},
		{"Israel Nature and Parks Authority", "Jerusalem", "medium"},
		{"Ministry of Communications", "Jerusalem", "medium"},
		{"Ministry of Tourism", "Jerusalem", "small"},
		{"Ministry of Construction and Housing", "Jerusalem", "medium"},
	},
	local: {
		{"Union of Local Authorities in Israel", "Tel Aviv-Yafo", "medium"},
		{"Jerusalem Municipality – Community Administration", "Jerusalem", "large"},
		{"Tel Aviv-Yafo Municipality – Volunteer Centre", "Tel Aviv-Yafo", "large"},
		{"Haifa Municipality", "Haifa", "large"},
		{"Beersheba Municipality", "Beersheba", "large"},
		{"עיריית נתניה", "Netanya", "large"},
		{"Rishon LeZion Municipality", "Rishon LeZion", "large"},
		{"Ashdod Municipality", "Ashdod", "large"},
		{"Petah Tikva Municipality", "Petah Tikva", "large"},
		{"עיריית חולון", "Holon", "medium"},
		{"Bat Yam Municipality", "Bat Yam", "medium"},
		{"Ramat Gan Municipality", "Ramat Gan", "medium"},
		{"Nazareth Municipality", "Nazareth", "medium"},
		{"Rahat Municipality", "Rahat", "medium"},
		{"Kiryat Shmona Municipality", "Kiryat Shmona", "small"},
		{"Eilat Municipality", "Eilat", "medium"},
		{"Sderot Municipality", "Sderot", "small"},
		{"Modi'in-Maccabim-Re'ut Municipality", "Modi'in", "medium"},
		{"Upper Galilee Regional Council", "Upper Galilee", "small"},
		{"Sha'ar HaNegev Regional Council", "Sha'ar HaNegev", "small"},
		{"מועצה אזורית גלבוע", "Gilboa", "small"},
		{"Umm al-Fahm Municipality", "Umm al-Fahm", "medium"},
		{"Karmiel Municipality", "Karmiel", "medium"},
		{"Federation of Regional Councils", "Tel Aviv-Yafo", "small"},
	},
	business: {
		{"Carmel Bay Bank – Community Foundation", "Tel Aviv-Yafo", "large"},
		{"Orion Telecom", "Petah Tikva", "large"},
		{"Negev Sun Energy", "Beersheba", ""},
		{"Galilee Fresh Foods", "Karmiel", ""},
		{"Blue Cedar Software", "Herzliya", ""},
		{"Shaked Insurance Group", "Tel Aviv-Yafo", "large"},
		{"Rimon Pharmaceuticals", "", ""},
		{"Dekel & Sons Engineering", "", ""},
		{"Arava Logistics", "", ""},
		{"Yarden Retail", "", "large"},
		{"Ofek Strategy Consulting", "", "small"},
		{"Kinneret Water Technologies", "Tiberias", ""},
		{"Sapir Chemicals", "Haifa", ""},
		{"קבוצת אלה מדיה", "Tel Aviv-Yafo", ""},
		{"Ramon Aerospace Systems", "", "large"},
		{"Lotem Construction", "", ""},
		{"Tavor Capital Partners", "Tel Aviv-Yafo", "small"},
		{"Zohar Natural Cosmetics", "", ""},
		{"Hermon Dairies", "", ""},
		{"Eshel Hotels", "Eilat", ""},
		{"Shikma Textiles", "", ""},
		{"Nitzan Print House", "", "small"},
		{"Savyon, Barak & Co. Law Offices", "Tel Aviv-Yafo", "medium"},
		{"Agam Accounting", "", "small"},
		{"Ilanot Bus Lines", "", ""},
		{"Rotem Digital Agency", "", "small"},
		{"Tzafon Data Systems", "Haifa", ""},
		{"Corporate Citizenship Council", "Tel Aviv-Yafo", "small"},
		{"רשת מרכולי השכונה", "", ""},
		{"Yam Shipping", "Haifa", ""},
		{"Migdal Or Electronics", "", ""},
		{"Hadar Real Estate", "", ""},
		{"Nahal Outdoor Gear", "", "small"},
		{"Pardes Wines", "", "small"},
		{"Tamid Security Services", "", ""},
		{"Gesher Human Resources", "", ""},
		{"Tchelet Cloud Solutions", "", ""},
		{"Small Business Owners' Forum of the South", "Beersheba", "small"},
	},
	nonprofit: {
		{"National Volunteering Council", "Tel Aviv-Yafo", "large"},
		{"Volunteer Managers' Association", "Tel Aviv-Yafo", "medium"},
		{"Helping Hands Health Volunteers", "Jerusalem", "medium"},
		{"Meshulav Philanthropic Partnership", "Jerusalem", "large"},
		{"Open Table Food Rescue", "", ""},
		{"Bridges for Youth", "", ""},
		{"Elders Together", "", ""},
		{"Good Neighbours Network", "", ""},
		{"ידיים פתוחות", "", ""},
		{"Mentors for Tomorrow", "", ""},
		{"Reading Friends", "", ""},
		{"לב לקהילה", "", ""},
		{"Desert Bloom Community Gardens", "Beersheba", "small"},
		{"Crossroads Youth at Risk", "", ""},
		{"First Aid Volunteers Union", "", "large"},
		{"Sign & Speak Deaf Association", "", ""},
		{"Galilee Arab Women's Forum", "Nazareth", "small"},
		{"Olim Welcome Network", "", ""},
		{"גשר לנוער", "", ""},
		{"Friends of Holocaust Survivors", "", ""},
		{"Second Chance Employment", "", ""},
		{"Green Future Environmental Volunteers", "", ""},
		{"Digital Seniors", "", ""},
		{"Negev Bedouin Education Initiative", "Rahat", "small"},
		{"Kids' Sports Leagues Association", "", ""},
		{"Hospital Clowns Collective", "", "small"},
		{"Tech for Good", "", ""},
		{"Rainbow Children's Support", "", ""},
		{"עמותת יחד בשכונה", "", ""},
		{"Jerusalem Neighbourhood Councils Network", "Jerusalem", ""},
		{"Pro Bono Lawyers Network", "", ""},
		{"Food for Every Family", "", ""},
		{"Women's Empowerment Circle", "", ""},
		{"Youth Movements' Council", "", "large"},
		{"Disability Access Volunteers", "", ""},
		{"Shared Society Forum", "", ""},
		{"Emergency Response Volunteers", "", ""},
		{"Student Volunteers Union", "", ""},
		{"Literacy for All", "", ""},
		{"Community Theatre Ensemble", "", "small"},
		{"Ethiopian-Israeli Youth Forward", "", ""},
		{"Lone Soldiers Support Network", "", ""},
		{"כל אחד יכול", "", ""},
		{"Animal Rescue Volunteers", "", ""},
		{"Elderly Hotline", "", ""},
		{"Northern Periphery Development Fund", "Kiryat Shmona", ""},
		{"Mental Health Companions", "", ""},
		{"Victims of Violence Aid", "", ""},
		{"Haifa Interfaith Centre", "Haifa", "small"},
		{"Clean Beaches Volunteers", "", ""},
		{"After-School Tutoring Network", "", ""},
		{"נשים למען נשים", "", ""},
		{"Immigrant Doctors' Association", "", ""},
		{"Blood Donors' Club", "", ""},
		{"Community Mediation Centres", "", ""},
		{"Refugee Children's Aid", "Tel Aviv-Yafo", ""},
		{"Music for All Children", "", ""},
		{"Library Volunteers of the South", "Beersheba", "small"},
		{"Friends of Prisoner Rehabilitation", "", ""},
		{"Social Entrepreneurs Hub", "", ""},
		{"Rural Youth Villages Association", "", ""},
		{"Parents for Youth Movements", "", ""},
		{"Hospice Volunteers", "", ""},
		{"Open Museum Volunteers", "", ""},
		{"Citizens' Digital Rights Forum", "", ""},
	},
	academia: {
		{"Centre for Volunteering and Civil Society Research, Coastal University", "Haifa", "medium"},
		{"School of Public Health, Northern University", "Haifa", "medium"},
		{"School of Social Work, Galilee Academic College", "Karmiel", "small"},
		{"Department of Sociology, Negev University", "Beersheba", "medium"},
		{"Institute for Education Policy, Jerusalem College of Education", "Jerusalem", "small"},
		{"Faculty of Management, Central Academic College", "Rishon LeZion", "medium"},
		{"Dr. Yael Mizrahi (independent researcher)", "Tel Aviv-Yafo", "individual"},
		{"Prof. Amnon Harel (nonprofit management)", "Jerusalem", "individual"},
		{"Dr. Rana Khoury (community psychology)", "Nazareth", "individual"},
		{"Centre for Third-Sector Studies, Southern College", "Sderot", "small"},
		{"המכון לחקר ההתנדבות", "Jerusalem", "small"},
		{"Applied Data Lab, Carmel Institute of Technology", "Haifa", "small"},
		{"Gerontology Centre, Valley College", "Afula", "small"},
		{"Department of Education, Sharon Academic College", "Netanya", "medium"},
		{"Evaluation Unit, Institute for Applied Social Research", "Jerusalem", "small"},
		{"Nonprofit Law Clinic, Coastal University", "Haifa", "small"},
		{"Centre for Corporate Responsibility, Central Academic College", "Rishon LeZion", "small"},
		{"Dr. Oren Ben-Ami (public administration)", "Jerusalem", "individual"},
		{"Arab Society Research Centre, Northern University", "Haifa", "small"},
		{"Teachers' College of the South – Community Service Programme", "Beersheba", "small"},
	},
}

// cities are drawn for businesses and nonprofits without a city, with
// weights roughly following where Israel's organizations are registered.
var cities = []struct {
	name   string
	weight float64
}{
	{"Tel Aviv-Yafo", 9}, {"Jerusalem", 6}, {"Haifa", 4}, {"Beersheba", 2},
	{"Petah Tikva", 2}, {"Herzliya", 2}, {"Rishon LeZion", 1.5}, {"Netanya", 1.5},
	{"Ra'anana", 1}, {"Rehovot", 1}, {"Ashdod", 1}, {"Nazareth", 1},
	{"Modi'in", 0.7}, {"Karmiel", 0.7}, {"Afula", 0.5}, {"Lod", 0.5},
	{"Tiberias", 0.4}, {"Eilat", 0.3},
}

// sizeWeights are the odds of small, medium and large for a drawn size.
var sizeWeights = [nSectors][3]float64{
	business:  {0.35, 0.35, 0.30},
	nonprofit: {0.50, 0.35, 0.15},
}

var firstNames = []string{
	"Noa", "Yael", "Tamar", "Michal", "Ronit", "Dana", "Avi", "Yossi", "Eran", "Omer",
	"Itai", "Shira", "Maya", "Lior", "Nir", "Gal", "Hila", "Amir", "Rami", "Samir",
	"Fatma", "Ahmad", "Rana", "Khaled", "Olga", "Dmitri", "Moshe", "Rachel", "Esther", "Daniel",
	"Ariel", "Yonatan", "Efrat", "Orly", "Sigal", "Boaz", "Tal", "Adi", "Keren", "Yaniv",
	"Nadia", "Hussein", "Ayelet", "Meirav", "Iris", "Liora", "Anat", "Shlomo", "Yaakov", "Ruth",
}

var lastNames = []string{
	"Cohen", "Levi", "Mizrahi", "Peretz", "Biton", "Dahan", "Avraham", "Friedman", "Katz", "Azulay",
	"Malka", "Shapiro", "Haddad", "Khoury", "Mansour", "Ben-David", "Golan", "Sharabi", "Nasser", "Abu-Ras",
	"Kaplan", "Weiss", "Rosen", "Baruch", "Segal", "Ohana", "Amsalem", "Tzur", "Barak", "Shalev",
	"Gabay", "Halabi", "Vaknin", "Elbaz", "Levy-Tal", "Naor", "Ziv", "Mor", "Asaf", "Yosef",
}
