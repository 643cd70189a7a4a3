"""Stock nbgrader on this repository: `nbgrader generate_assignment 01_mental_model`
writes exercises/ from solutions/ (the grader does the same via `make exercises`)."""

c = get_config()  # noqa: F821
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "exercises"
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "*.md", "*.py", "gradebook.db"]
