{{
  config(
    materialized = 'view'
  )
}}

with

source as (
    select *
    from {{ source('rudder', 'users') }}
),

renamed as (
    select
        cast(id as varchar) as user_id,
        cast(received_at as timestamp_ntz) as received_at_tstamp,
        cast(uuid_ts as timestamp_ntz) as uuid_ts,
        cast(email as varchar) as email,
        cast(first_name as varchar) as first_name,
        cast('identify' as varchar) as call_type,
        cast('rudder' as varchar) as source_schema,
        cast('users' as varchar) as source_table,
        cast('shop/Identify/1-0.json' as varchar) as schema_id
    from source
)

select * from renamed
