package data

// templates are the files `sectornet init` writes: each file's header and
// a few example rows commented out with '#', which the reader skips.
var templates = map[string]string{
	FileSectors: `id,label,color
# One row per sector, in display order. label may be in any language; color is #RRGGBB.
# government,Government / ממשלה,#0072B2
# local,Local authorities / רשויות מקומיות,#56B4E9
# business,Business / עסקים,#E69F00
# nonprofit,Nonprofits / עמותות,#009E73
# academia,Academia / אקדמיה,#CC79A7
`,
	FileOrganizations: `id,name,sector
# One row per organization; sector is an id from sectors.csv. Extra columns (city, size, ...) are kept as attributes.
# G01,Ministry of Welfare,government
# L01,Haifa Municipality,local
# B01,Example Bank Ltd,business
# N01,Volunteer Centres Network,nonprofit
# A01,Example University,academia
`,
	FileForums: `id,name,kind,capacity
# kind is forum, board, national, ...; capacity is the number of seats.
# F1,Volunteering in education,forum,20
# BOARD,Executive board,board,12
`,
	FileParticipation: `org,forum,role,person,joined
# Membership of organizations in forums; role is chair, member, ...; joined is the date it joined (YYYY-MM-DD), blank for a member from the start.
# G01,F1,chair,Dana Levi,
# B01,F1,member,,2013-06-01
# G01,BOARD,member,Dana Levi,
`,
	FileMeetings: `id,forum,date
# Meetings of forums; date is YYYY-MM-DD.
# M01,F1,2013-01-15
`,
	FileAttendance: `meeting,org,person
# Who attended which meeting.
# M01,G01,Dana Levi
# M01,B01,
`,
	FileTies: `source,target,wave,type,weight,trust,value
# Survey reports, one wave per survey round: source said it collaborated with target. A-B and B-A in one
# wave are one tie for the undirected networks (--symmetrize chooses how the two reports combine).
# type is free text (information, resources, joint project); trust and value are scores from 1 to 4.
# Optional PARTNER columns, each 1-4: reliability, mission, openness (trust); power, involvement, resources (value).
# G01,N01,2012,information,1,3,2
# B01,N01,2014,joint project,1,4,4
`,
	FileRespondents: `org,wave,date,person
# Who answered each survey wave, including those who named no partner. Without this file (or a
# responded column in organizations.csv), the organizations that reported a tie count as respondents.
# G01,2012,2012-05-03,Dana Levi
# N01,2012,,
`,
	FileQuotas: `forum,sector,share
# The representation key: target share (0..1) of a sector in a forum; forum * applies to every forum without rows of its own.
# *,government,0.2
# *,local,0.13
# *,business,0.33
# *,nonprofit,0.27
# *,academia,0.07
`,
}

// Template returns the content `sectornet init` writes for a dataset file:
// its header and commented example rows.
func Template(name string) []byte { return []byte(templates[name]) }
