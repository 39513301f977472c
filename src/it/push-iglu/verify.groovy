context.iglu.stop(0)
def log = new File(basedir, 'build.log').text
// Run 1, the dry run: a plan, and no write request.
assert log.contains('  would create shop/Cart_Viewed/1-0.json (com.example/Cart_Viewed/jsonschema/1-0-0)')
assert log.contains('Reflekt push (dry run): 2 created, 0 updated, 0 unchanged, 0 deleted; nothing was changed.')
// Run 2, at deploy: both schemas pushed, lint ran first.
assert log.contains('  created shop/Order_Completed/1-0.json (com.example/Order_Completed/jsonschema/1-0-0)')
assert log.contains('Reflekt push: 2 created, 0 updated, 0 unchanged, 0 deleted')
// The key comes from the variable's default (the variable is unset in the IT), and the log says so.
assert log.contains('credentials: api_key from the default of environment variable REFLEKT_IT_IGLU_KEY (unset) at reflekt_profiles.yml:5:7')
assert context.igluRequests.count { it.startsWith('PUT ') } == 2 : context.igluRequests
assert context.igluStore['com.example/Cart_Viewed/jsonschema/1-0-0'].reflekt.id == 'shop/Cart_Viewed/1-0.json'
assert !log.contains('it-iglu-key-2c9') : 'the api key reached the log'
// Run 3: the settings.xml server is found, but the profile gives the key too: an error, no push.
assert log.contains("[ERROR] Registry 'iglu' gets credentials from both settings.xml server 'it-iglu' and the profile (api_key from the default of environment variable REFLEKT_IT_IGLU_KEY (unset) at reflekt_profiles.yml:5:7); keep one of them.")
assert context.igluRequests.count { it.startsWith('PUT ') } == 2
