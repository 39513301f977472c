// Schema text written by an attacker stays data: no path outside the package, no live Jinja, no SQL.
def pkg = new File(basedir, 'artifacts/dbt/hostile_it')
def root = basedir.canonicalFile
def escaped = []
root.eachFileRecurse { f -> if (f.name.contains('escaped')) escaped << f.canonicalPath }
assert !escaped.isEmpty()
escaped.each { assert it.startsWith(new File(pkg, 'models').canonicalPath) : "written outside the package: $it" }
assert !new File('/tmp/escaped.sql').exists()

def models = new File(pkg, 'models/hostile_it')
def sql = new File(models, 'stg_hostile_it__hostile.sql').text
// The last build was Snowflake: the hostile name is one quoted identifier, the metadata one literal.
assert sql.contains('"a\\`)as/**/z,session_user()as/**/leak,cast(null/**/as/**/string)as/**/c,#"')
assert sql.contains("x{{ '{' }}{ adapter.drop_schema(")
assert !sql.contains('x{{ adapter')
def docs = new File(models, '_stg_hostile_it__hostile.yml').text
assert docs.contains("{{ '{' }}{ env_var('SNOWFLAKE_PASSWORD') }}")
assert !docs.contains("description: \"{{ env_var")
assert docs.contains("{{ '{' }}% do run_query")

def log = new File(basedir, 'build.log').text
assert log.contains('Reflekt build:')
assert !log.contains('Exception:') && !log.contains('\tat ')
