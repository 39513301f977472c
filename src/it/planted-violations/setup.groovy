// Its own git work tree: annotation paths start at the repository root, which here is the project.
new File(basedir, '.git').mkdirs()
